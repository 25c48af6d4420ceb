/** One figure a benchmark measured. Ratios are against a baseline measured in the same run. */
export interface BenchRow {
  /** What was measured, e.g. "leads.capture, 10k leads stored". */
  name: string;
  value: number;
  unit: string;
  /** value ÷ baseline, when the row has a baseline in the same run. */
  ratio?: number;
  baseline?: string;
  /** The goal, in words ("≥ 0.6", "≤ 300 ms"), and whether this run met it. */
  goal?: string;
  met?: boolean;
}

/** A benchmark file is bench/<topic>.bench.ts whose default export measures and returns its rows. */
export type Bench = () => Promise<BenchRow[]>;
