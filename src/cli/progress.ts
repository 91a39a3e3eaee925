import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/**
 * A progress bar on standard error when it is a terminal; nothing otherwise, so that pipes and CI
 * logs stay clean and standard output carries only the result.
 */
export const progressBar = (options: { bytes?: boolean } = {}): Progress => {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ' {label} [{bar}] {percentage}% | {shown} | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label) {
      const shown = options.bytes ? `${megabytes(done)} / ${megabytes(total)}` : `${done} / ${total}`;
      if (!started) {
        bar.start(Math.max(total, 1), done, { label, shown });
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { label, shown });
    },
    stop() {
      if (started) bar.stop();
    },
  };
};
