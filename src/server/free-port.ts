import { createServer } from 'node:net';

/**
 * A port free on this machine now, for a server whose address must be known before it starts: the demo's
 * identity provider must know where to send people back to.
 */
export const freePort = (host = 'localhost'): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

/**
 * Runs `start` on a free port, again on another when that one was taken in the meantime (EADDRINUSE):
 * between the probe and the server's own listen, any outgoing connection on this machine may be given the
 * same port. `start` closes what it opened before it fails.
 */
export const onFreePort = async <T>(
  start: (port: number) => Promise<T>,
  { host = 'localhost', attempts = 5 }: { host?: string; attempts?: number } = {},
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort(host));
    } catch (error) {
      const taken = (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
      if (!taken || attempt >= attempts) throw error;
    }
  }
};
