// `npm run bench`: runs every bench/*.bench.ts (or the ones named on the command line), prints
// one table, and writes bench/results.json. Not part of npm test: these machines are noisy, so
// every figure that matters is a ratio against a baseline measured in the same run.
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchRow } from './types.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3));
const results: Record<string, BenchRow[]> = {};
for (const file of files) {
  const topic = file.replace(/\.bench\.ts$/, '');
  process.stdout.write(`\n== ${topic} ==\n`);
  const run = (await import(pathToFileURL(`${dir}${file}`).href)).default as Bench;
  const rows = await run();
  results[topic] = rows;
  for (const r of rows) {
    const ratio = r.ratio === undefined ? '' : `  ratio ${fmt(r.ratio)} vs ${r.baseline ?? 'baseline'}`;
    const goal = r.goal === undefined ? '' : `  goal ${r.goal}: ${r.met ? 'met' : 'NOT met'}`;
    process.stdout.write(`${r.name.padEnd(58)} ${fmt(r.value).padStart(10)} ${r.unit.padEnd(6)}${ratio}${goal}\n`);
  }
}
writeFileSync(`${dir}results.json`, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
process.stdout.write(`\nWrote bench/results.json\n`);
