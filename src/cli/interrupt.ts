/**
 * Ctrl-C cancels the running step through an AbortSignal, so that imports roll back and files are
 * closed; a second Ctrl-C exits at once. The store stays as it was either way: imports are transactions.
 */
export const interruptible = (): { signal: AbortSignal; dispose(): void } => {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nCancelling… (press Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
};

export const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';
