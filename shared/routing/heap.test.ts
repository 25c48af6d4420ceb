import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Heap } from './heap.ts';

const heapOf = (values: readonly number[]) => {
  const heap = new Heap<number>((a, b) => a - b);
  for (const v of values) heap.push(v);
  return heap;
};

describe('Heap', () => {
  it.each([
    [[], []],
    [[5], [5]],
    [[3, 1, 2], [1, 2, 3]],
    [[4, 4, 1, 9, 0, 4], [0, 1, 4, 4, 4, 9]],
  ])('pops %j as %j, and inOrder reads the same without taking anything', (values, sorted) => {
    const heap = heapOf(values);
    expect([...heap.inOrder()]).toEqual(sorted);
    expect(heap.size).toBe(values.length);
    const popped: number[] = [];
    for (let v = heap.pop(); v !== undefined; v = heap.pop()) popped.push(v);
    expect(popped).toEqual(sorted);
  });

  it('inOrder agrees with a sort, for any pushes and pops, and stops early when asked', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 80 }), fc.nat({ max: 20 }), fc.nat({ max: 30 }), (values, pops, take) => {
        const heap = heapOf(values);
        for (let i = 0; i < pops; i++) heap.pop();
        const left = [...values].sort((a, b) => a - b).slice(pops);
        expect([...heap.inOrder()]).toEqual(left);
        const first: number[] = [];
        for (const v of heap.inOrder()) {
          if (first.length === take) break;
          first.push(v);
        }
        expect(first).toEqual(left.slice(0, take));
      }),
    );
  });
});
