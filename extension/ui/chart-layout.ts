/** Where each bar of a small bar chart goes: heights scaled to the largest value, gaps between bars. */
export function barLayout(values: readonly number[], width: number, height: number, gap = 4): { x: number; y: number; w: number; h: number }[] {
  const max = Math.max(0, ...values);
  const n = values.length;
  if (n === 0) return [];
  const w = Math.max(1, (width - gap * (n - 1)) / n);
  return values.map((v, i) => {
    // A non-zero value stays visible as a sliver however small it is beside the largest.
    const h = max === 0 || v <= 0 ? 0 : Math.max(2, Math.round((v / max) * height));
    return { x: Math.round(i * (w + gap) * 100) / 100, y: height - h, w: Math.round(w * 100) / 100, h };
  });
}

/** The share of a cap in use, clamped to 0–1 (a rep over cap shows a full bar). */
export const loadShare = (open: number, capacity: number): number => (capacity <= 0 ? (open > 0 ? 1 : 0) : Math.min(1, Math.max(0, open / capacity)));
