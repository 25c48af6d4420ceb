import { describe, expect, it } from 'vitest';
import { importProgress } from './progress.ts';

describe('importProgress', () => {
  it.each([
    // done, read, share of bytes read → progress
    [0, 0, 0, 0],
    [0, 2000, 1, 0],
    // A small file read whole at once: the bar follows the answered rows, not the bytes.
    [500, 2000, 1, 0.25],
    [1500, 2000, 1, 0.75],
    [2000, 2000, 1, 1],
    // A large file half read: 10k rows in half the bytes means about 20k rows in all.
    [5000, 10_000, 0.5, 0.25],
    [10_000, 10_000, 0.5, 0.5],
    // Never past the end, whatever the inputs.
    [3000, 2000, 1, 1],
    [100, 100, 1.2, 1],
    [100, 100, -1, 0],
  ])('%i answered of %i read, %f of the bytes → %f', (done, read, fraction, expected) => {
    expect(importProgress(done, read, fraction)).toBeCloseTo(expected, 10);
  });
});
