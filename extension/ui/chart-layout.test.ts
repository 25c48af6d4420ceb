import { describe, expect, it } from 'vitest';
import { barLayout, loadShare } from './chart-layout.ts';

describe('barLayout', () => {
  it.each([
    { values: [], width: 100, height: 50, bars: [] },
    { values: [0, 0], width: 100, height: 50, bars: [{ x: 0, y: 50, w: 48, h: 0 }, { x: 52, y: 50, w: 48, h: 0 }] },
    { values: [10, 5], width: 100, height: 50, bars: [{ x: 0, y: 0, w: 48, h: 50 }, { x: 52, y: 25, w: 48, h: 25 }] },
    { values: [1000, 1], width: 24, height: 40, bars: [{ x: 0, y: 0, w: 10, h: 40 }, { x: 14, y: 38, w: 10, h: 2 }] },
  ])('$values in $width×$height', ({ values, width, height, bars }) => {
    expect(barLayout(values, width, height)).toEqual(bars);
  });
});

describe('loadShare', () => {
  it.each([
    [0, 10, 0],
    [5, 10, 0.5],
    [12, 10, 1],
    [0, 0, 0],
    [3, 0, 1],
  ])('%i open of %i → %f', (open, cap, share) => expect(loadShare(open, cap)).toBe(share));
});
