/**
 * Shares equal leaf objects (objects whose values are all primitives) between the records loaded
 * from disk. JSON.parse gives every lead its own copy of identical score reasons and of the
 * provenance its fields share; records are never mutated in place, so one copy can serve them all.
 * At 100k leads this roughly halves the heap the data takes.
 */
export class LeafSharer {
  private readonly seen = new Map<string, object>();

  share<T>(value: T): T {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.share(value[i]);
      return value;
    }
    const obj = value as Record<string, unknown>;
    let leaf = true;
    for (const key in obj) {
      const v = obj[key];
      if (v !== null && typeof v === 'object') {
        leaf = false;
        obj[key] = this.share(v);
      }
    }
    if (!leaf) return value;
    const key = JSON.stringify(obj);
    const canonical = this.seen.get(key);
    if (canonical) return canonical as T;
    this.seen.set(key, obj);
    return value;
  }
}
