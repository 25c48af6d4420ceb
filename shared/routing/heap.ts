/** A binary min-heap under `compare`: push and pop in O(log n), peek in O(1). */
export class Heap<T> {
  private readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(a[i] as T, a[parent] as T) >= 0) break;
      [a[i], a[parent]] = [a[parent] as T, a[i] as T];
      i = parent;
    }
  }

  /**
   * The items smallest first, without taking them: a walk of the heap's tree that always opens the
   * smallest node seen, so reading the first k costs O(k log k) whatever the heap's size.
   */
  *inOrder(): Generator<T> {
    const a = this.items;
    if (a.length === 0) return;
    const frontier = new Heap<number>((i, j) => this.compare(a[i] as T, a[j] as T));
    frontier.push(0);
    for (let i = frontier.pop(); i !== undefined; i = frontier.pop()) {
      yield a[i] as T;
      const l = 2 * i + 1;
      if (l < a.length) frontier.push(l);
      if (l + 1 < a.length) frontier.push(l + 1);
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.compare(a[l] as T, a[m] as T) < 0) m = l;
        if (r < a.length && this.compare(a[r] as T, a[m] as T) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as T, a[i] as T];
        i = m;
      }
    }
    return top;
  }
}
