import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { syntheticLeads } from '../../shared/scoring/predict/synthetic.ts';
import { evaluateTable, type EvalReport, type Row } from '../../shared/scoring/predict/tabular.ts';

const USAGE = `usage: npm run eval:scoring -- FILE.csv --target COLUMN [--time COLUMN] [--positive VALUE] [--json]
       npm run eval:scoring -- --synthetic signal|none [--rows N] [--seed S] [--write FILE.csv]

Trains the scoring model on the first 80% of the rows in time order and reports AUC, log loss and a
calibration table (10 bins) on the last 20%. --synthetic makes a data set with a known signal, or a
control without one (AUC about 0.5).`;

const fmt = (n: number | null, digits = 3) => (n === null || Number.isNaN(n) ? '–' : n.toFixed(digits));

function print(report: EvalReport, source: string): string {
  const lines = [
    `${source}: ${report.rows} labelled rows, ordered by ${report.orderedBy}; trained on ${report.train}, tested on ${report.test}`,
    `features: ${report.features.join(', ')}`,
    `base rate (train): ${fmt(report.baseRate)}`,
    `AUC:      ${fmt(report.auc)}`,
    `log loss: ${fmt(report.logLoss)} (always answering the base rate: ${fmt(report.baselineLogLoss)})`,
    '',
    'calibration     rows  predicted  observed',
    ...report.calibration.map((b) => `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}   ${String(b.count).padStart(6)}  ${fmt(b.meanPredicted).padStart(9)}  ${fmt(b.observedRate).padStart(8)}`),
  ];
  return `${lines.join('\n')}\n`;
}

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      time: { type: 'string' },
      positive: { type: 'string' },
      synthetic: { type: 'string' },
      rows: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '42' },
      write: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  let rows: Row[];
  let source: string;
  let target = values.target;
  if (values.synthetic !== undefined) {
    if (values.synthetic !== 'signal' && values.synthetic !== 'none') throw new Error(`--synthetic must be "signal" or "none"\n\n${USAGE}`);
    rows = syntheticLeads(Number(values.rows), { signal: values.synthetic === 'signal', seed: Number(values.seed) });
    source = `synthetic (${values.synthetic === 'signal' ? 'known signal' : 'control, no signal'}, seed ${values.seed})`;
    target ??= 'converted';
    if (values.write) writeFileSync(values.write, Papa.unparse(rows));
  } else {
    const file = positionals[0];
    if (!file || !target) throw new Error(USAGE);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: 'greedy' });
    rows = parsed.data;
    source = file;
  }
  const report = evaluateTable(rows, { target, time: values.time, positive: values.positive });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : print(report, source));
}

try {
  main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`eval:scoring: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
