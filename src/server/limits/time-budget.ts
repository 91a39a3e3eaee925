import { SoteatlasError } from '../../model/index.js';
import type { Store } from '../../store/index.js';

/**
 * What `work` answers, unless `budget` aborts first: then a timedOut error at once, whatever the work is
 * doing. The work is told through its own signal (which `budget` feeds) and stops when it next looks;
 * what it answers or throws after that is dropped.
 */
export const withinTimeBudget = <T>(work: Promise<T>, budget: AbortSignal, seconds: number): Promise<T> => {
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const overrun = () =>
      reject(
        new SoteatlasError('timedOut', `The work took longer than this route allows (${seconds} s).`, {
          details: { timeBudgetSeconds: seconds },
        }),
      );
    if (budget.aborted) return overrun();
    budget.addEventListener('abort', overrun, { once: true });
    work.then(resolve, reject).finally(() => budget.removeEventListener('abort', overrun));
  });
};

/**
 * Runs a route's work within its time budget (none: as long as it takes): the work gets a signal that
 * aborts when the client goes away or the budget runs out, and its store queries run on a connection of
 * their own, which the signal interrupts.
 */
export const runWithinBudget = <T>(
  { store, seconds, clientGone }: { store: Store; seconds: number | undefined; clientGone: AbortSignal },
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> => {
  if (seconds === undefined) return work(clientGone);
  const budget = AbortSignal.timeout(seconds * 1000);
  const signal = AbortSignal.any([clientGone, budget]);
  return withinTimeBudget(
    store.interruptible(signal, () => work(signal)),
    budget,
    seconds,
  );
};
