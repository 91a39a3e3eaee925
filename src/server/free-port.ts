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
