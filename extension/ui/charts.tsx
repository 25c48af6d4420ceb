import { barLayout, loadShare } from './chart-layout.ts';

export interface Bar {
  label: string;
  value: number;
  /** A CSS colour class: the palette lives in theme.css. */
  tone?: string;
}

/** A small bar chart in inline SVG, with the value above each bar and the label below. */
export function BarChart({ bars, title, width = 320, height = 64 }: { bars: Bar[]; title: string; width?: number; height?: number }) {
  const layout = barLayout(
    bars.map((b) => b.value),
    width,
    height,
  );
  return (
    <svg class="chart" role="img" aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`} viewBox={`0 -14 ${width} ${height + 30}`} width={width} height={height + 30}>
      {layout.map((r, i) => {
        const bar = bars[i];
        if (!bar) return null;
        return (
          <g key={bar.label} data-label={bar.label} data-value={bar.value}>
            <rect class={`bar ${bar.tone ?? ''}`} x={r.x} y={r.y} width={r.w} height={r.h} rx={2} />
            <text class="value" x={r.x + r.w / 2} y={r.y - 3} text-anchor="middle">
              {bar.value}
            </text>
            <text class="label" x={r.x + r.w / 2} y={height + 12} text-anchor="middle">
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** One rep's open leads against their cap, as a thin horizontal bar. */
export function LoadBar({ open, capacity }: { open: number; capacity: number }) {
  const share = loadShare(open, capacity);
  return (
    <svg class="load" role="img" aria-label={`${open} of ${capacity}`} viewBox="0 0 100 8" width={100} height={8}>
      <rect class="track" x={0} y={0} width={100} height={8} rx={4} />
      <rect class={share >= 1 ? 'fill full' : share >= 0.8 ? 'fill high' : 'fill'} x={0} y={0} width={share * 100} height={8} rx={4} />
    </svg>
  );
}
