/** Runs the functions given to it one at a time, in the order given, whatever each one's outcome. */
export const serial = () => {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };
};
