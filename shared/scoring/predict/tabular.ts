import { auc, calibration, logLoss, type CalibrationBin } from '../metrics.ts';
import { leadFeatures } from './features.ts';
import { predictNaiveBayes, trainNaiveBayes, type Features } from './naive-bayes.ts';

export type Row = Readonly<Record<string, string>>;

const POSITIVE = new Set(['1', 'true', 'yes', 'y', 'won', 'converted', 'win', 'closed won']);
const NEGATIVE = new Set(['0', 'false', 'no', 'n', 'lost', 'loss', 'closed lost']);
const TIME_COLUMNS = ['created_at', 'createdat', 'created', 'date', 'timestamp', 'time', 'captured_at'];
const LEAD_COLUMNS = ['name', 'email', 'phone', 'title', 'company', 'website', 'address'];

/** An outcome cell as won (true), lost (false), or neither (the row is left out). */
export function outcomeOf(value: string | undefined, positive?: string): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return undefined;
  if (positive !== undefined) return v === positive.toLowerCase();
  if (POSITIVE.has(v)) return true;
  if (NEGATIVE.has(v)) return false;
  return undefined;
}

interface Discretiser {
  column: string;
  apply(value: string | undefined): string;
}

const isNumber = (v: string) => v.trim() !== '' && Number.isFinite(Number(v.replace(/[,_]/g, '')));

/** Learns, from the training rows only, how to turn each column into a few categories. */
function learnDiscretisers(rows: readonly Row[], columns: readonly string[]): Discretiser[] {
  const out: Discretiser[] = [];
  for (const column of columns) {
    const values = rows.map((r) => (r[column] ?? '').trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    if (values.filter(isNumber).length >= 0.9 * values.length) {
      // Quintiles: five bins with about as many training rows each.
      const nums = values.filter(isNumber).map((v) => Number(v.replace(/[,_]/g, ''))).sort((a, b) => a - b);
      const edges = [...new Set([0.2, 0.4, 0.6, 0.8].map((q) => nums[Math.floor(q * (nums.length - 1))] ?? 0))];
      out.push({
        column,
        apply: (v) => {
          if (v === undefined || !isNumber(v)) return '∅';
          const n = Number(v.replace(/[,_]/g, ''));
          const i = edges.findIndex((e) => n <= e);
          return i < 0 ? `>${edges.at(-1)}` : `≤${edges[i]}`;
        },
      });
      continue;
    }
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v.toLowerCase(), (counts.get(v.toLowerCase()) ?? 0) + 1);
    // A column of nearly unique values (ids, free text) cannot generalise.
    if (counts.size > 50 && counts.size > 0.2 * rows.length) continue;
    out.push({ column, apply: (v) => (v === undefined || v.trim() === '' ? '∅' : (counts.get(v.trim().toLowerCase()) ?? 0) >= 3 ? v.trim().toLowerCase() : 'other') });
  }
  return out;
}

export interface EvalOptions {
  target: string;
  /** A column to order rows by; found by name when absent, else the file's order. */
  time?: string | undefined;
  /** The target value that means converted, when it is not one of the usual words. */
  positive?: string | undefined;
  trainShare?: number;
}

export interface EvalReport {
  rows: number;
  train: number;
  test: number;
  orderedBy: string;
  features: string[];
  baseRate: number;
  auc: number;
  logLoss: number;
  /** Log loss of always answering the training base rate: the model must beat it. */
  baselineLogLoss: number;
  calibration: CalibrationBin[];
}

/**
 * Trains the scoring model on the first 80% of a table of historical leads in time order, and
 * measures it on the last 20%. Columns named like a lead's contact fields are turned into the
 * same features as live scoring; any other column is discretised (quintiles or categories).
 */
export function evaluateTable(all: readonly Row[], options: EvalOptions): EvalReport {
  const header = Object.keys(all[0] ?? {});
  if (!header.includes(options.target)) throw new Error(`no column "${options.target}" (columns: ${header.join(', ')})`);
  const time = options.time ?? header.find((h) => TIME_COLUMNS.includes(h.toLowerCase()));
  if (options.time && !header.includes(options.time)) throw new Error(`no column "${options.time}"`);
  const labelled = all.flatMap((row, i) => {
    const won = outcomeOf(row[options.target], options.positive);
    return won === undefined ? [] : [{ row, won, i, t: time ? Date.parse(row[time] ?? '') : i }];
  });
  if (time) labelled.sort((a, b) => (Number.isNaN(a.t) ? 1 : Number.isNaN(b.t) ? -1 : a.t - b.t) || a.i - b.i);
  const cut = Math.floor(labelled.length * (options.trainShare ?? 0.8));
  const train = labelled.slice(0, cut);
  const test = labelled.slice(cut);
  if (train.length < 10 || test.length < 2) throw new Error(`too few labelled rows: ${labelled.length} (values of "${options.target}" must read as won or lost: 1/0, true/false, yes/no, won/lost, converted/lost; or pass --positive VALUE)`);

  const leadColumns = header.filter((h) => LEAD_COLUMNS.includes(h.toLowerCase()));
  const other = header.filter((h) => h !== options.target && h !== time && !leadColumns.includes(h));
  const discretisers = learnDiscretisers(train.map((e) => e.row), other);
  const featuresOf = (row: Row): Features => {
    const f: Record<string, string> = {};
    if (leadColumns.length > 0) {
      const get = (name: string) => row[leadColumns.find((c) => c.toLowerCase() === name) ?? ''] || undefined;
      const lead = leadFeatures({ name: get('name'), email: get('email'), phone: get('phone'), title: get('title'), company: get('company'), website: get('website'), address: get('address'), activities: [], now: new Date(0) }, 0);
      for (const k of ['email', 'phone', 'seniority', 'company', 'country'] as const) f[`lead.${k}`] = lead[k] ?? '∅';
    }
    for (const d of discretisers) f[d.column] = d.apply(row[d.column]);
    return f;
  };
  const model = trainNaiveBayes(train.map((e) => ({ features: featuresOf(e.row), won: e.won })), new Date(0));
  const probs = test.map((e) => predictNaiveBayes(model, featuresOf(e.row)).probability);
  const labels = test.map((e) => e.won);
  const baseRate = train.filter((e) => e.won).length / train.length;
  return {
    rows: labelled.length,
    train: train.length,
    test: test.length,
    orderedBy: time ?? 'file order',
    features: Object.keys(model.features),
    baseRate,
    auc: auc(probs, labels),
    logLoss: logLoss(probs, labels),
    baselineLogLoss: logLoss(test.map(() => baseRate), labels),
    calibration: calibration(probs, labels, 10),
  };
}
