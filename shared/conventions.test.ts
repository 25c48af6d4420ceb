import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from './capture/registry.ts';
import { SCORING_RULES } from './scoring/registry.ts';
import { STRATEGIES, STRATEGY_IDS } from './routing/registry.ts';

// Growing by registry: each extractor and scoring rule is one file, listed once in its
// registry, and named in a test. A file that is not registered would silently do nothing.
const modules = import.meta.glob<Record<string, unknown>>(['./capture/extractors/*.ts', './scoring/rules/*.ts', './routing/strategies/*.ts', '!./**/*.test.ts'], { eager: true });
const testText = (folder: string) =>
  readdirSync(new URL(folder, import.meta.url))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => readFileSync(new URL(`${folder}/${f}`, import.meta.url), 'utf8'))
    .join('\n');

describe.each([
  { kind: 'extractor', folder: './capture/extractors/', registry: EXTRACTORS as readonly { id: string }[], tests: './capture' },
  { kind: 'scoring rule', folder: './scoring/rules/', registry: SCORING_RULES as readonly { id: string }[], tests: './scoring' },
  { kind: 'routing strategy', folder: './routing/strategies/', registry: STRATEGIES as readonly { id: string }[], tests: './routing' },
])('each $kind', ({ folder, registry, tests }) => {
  const files = Object.keys(modules).filter((path) => path.startsWith(folder));

  it('has unique ids, one registry entry per file', () => {
    expect(files.length).toBe(registry.length);
    expect(new Set(registry.map((r) => r.id)).size).toBe(registry.length);
  });

  it.each(files)('%s is registered and named in a test', (path) => {
    const registered = Object.values(modules[path] ?? {}).filter((value) => registry.includes(value as { id: string })) as { id: string }[];
    expect(registered, `${path} exports nothing the registry lists`).toHaveLength(1);
    const id = registered[0]?.id ?? '';
    expect(testText(tests), `no test in ${tests} names "${id}"`).toContain(`'${id}'`);
  });
});

it('lets routing rules name exactly the registered strategies', () => {
  expect([...STRATEGY_IDS].sort()).toEqual(STRATEGIES.map((s) => s.id).sort());
});
