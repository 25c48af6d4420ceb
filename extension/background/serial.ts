/**
 * One read-modify-write at a time per stored value. The popup, the content scripts and the
 * replay all change the outbox and the offline copy; two interleaved writes would lose one.
 */
const chains = new WeakMap<object, Promise<unknown>>();

export function serial<T>(key: object, fn: () => Promise<T>): Promise<T> {
  const run = (chains.get(key) ?? Promise.resolve()).then(fn, fn);
  chains.set(key, run.catch(() => undefined));
  return run;
}
