import { browser } from '#imports';

// Reading extension storage in the content script: a plain get and a change listener on the local
// area, instead of WXT's storage layer (its versioning and drivers would weigh on every page). The
// background and options own these values through their storage items; this only reads them.

export async function readLocal<T>(key: string, fallback: T): Promise<T> {
  const got = await browser.storage.local.get(key);
  return (got[key] as T | undefined) ?? fallback;
}

/** Calls back with each new value of a key; returns the function that stops watching. */
export function watchLocal<T>(key: string, onChange: (value: T | undefined) => void): () => void {
  const listener: Parameters<typeof browser.storage.onChanged.addListener>[0] = (changes, area) => {
    const change = changes[key];
    if (area === 'local' && change) onChange(change.newValue as T | undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
