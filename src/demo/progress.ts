/**
 * Progress and cancellation for a run of steps: each step is reported before it starts, and the
 * event loop gets a turn so that an abort (Ctrl-C) arriving during synchronous work is noticed.
 */
export interface ProgressTracker {
  step(label: string): Promise<void>;
  finish(): void;
  done(): void;
}

export const abortError = (): DOMException =>
  new DOMException('Generating the demo county was aborted', 'AbortError');

export const trackProgress = (
  total: number,
  onProgress: ((done: number, total: number, label: string) => void) | undefined,
  signal: AbortSignal | undefined,
): ProgressTracker => {
  let finished = 0;
  return {
    async step(label) {
      if (signal?.aborted) throw abortError();
      onProgress?.(finished, total, label);
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw abortError();
    },
    finish() {
      finished++;
    },
    done() {
      onProgress?.(finished, total, 'done');
    },
  };
};
