/**
 * Remembers a pure function's answers for the latest few thousand keys. Scoring asks the same
 * question of one lead in several rules (parsing a phone costs ~50 µs), and a rescore of every
 * lead asks it thousands of times; the answers never change for a given key.
 */
export function memo<T>(fn: (key: string) => T, max = 5000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = fn(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value);
    return value;
  };
}
