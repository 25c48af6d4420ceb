import type { Row } from './tabular.ts';

/** A small seeded generator (mulberry32): the same seed gives the same data set. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const TITLES = [['Software Engineer', 0], ['Account Executive', 0], ['Procurement Manager', 1], ['Head of Operations', 2], ['Director of IT', 2], ['VP Sales', 3], ['CEO', 4]] as const;
const FIRST = ['Maria', 'James', 'Priya', 'Chen', 'Olga', 'Ahmed', 'Lucia', 'Tom', 'Ana', 'Kenji'];
const LAST = ['Lopez', 'Smith', 'Patel', 'Wang', 'Ivanova', 'Hassan', 'Rossi', 'Brown', 'Ruiz', 'Sato'];

/**
 * Historical leads with a known answer. With `signal`, conversion depends on the email kind,
 * seniority, company size, credit rating and activities through a fixed logistic formula;
 * without it, conversion is a coin weighted to the same rate, independent of everything.
 */
export function syntheticLeads(n: number, options: { signal: boolean; seed?: number }): Row[] {
  const rand = seededRandom(options.seed ?? 42);
  const start = Date.parse('2024-01-01T00:00:00.000Z');
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    const company = `Company${Math.floor(rand() * 400)}`;
    const kind = rand();
    const email = kind < 0.55 ? `${first}.${last}${i}@${company.toLowerCase()}.example`.toLowerCase() : kind < 0.85 ? `${first}${i}@gmail.com`.toLowerCase() : `info${i}@${company.toLowerCase()}.example`;
    const [title, level] = pick(rand, TITLES);
    const employees = Math.round(10 ** (1 + rand() * 3.5));
    const credit = pick(rand, ['A', 'A', 'B', 'B', 'C', 'D']);
    const activities = Math.floor(rand() * 6);
    const logit = -2.2 + (kind < 0.55 ? 1.2 : kind < 0.85 ? 0 : -0.8) + 0.45 * level + (employees > 200 ? 0.6 : 0) + (credit === 'A' ? 0.5 : credit === 'D' ? -0.7 : 0) + 0.3 * activities;
    const p = options.signal ? 1 / (1 + Math.exp(-logit)) : 0.3;
    rows.push({
      created_at: new Date(start + i * 3_600_000).toISOString(),
      name: `${first} ${last}`,
      email,
      title,
      company,
      employees: String(employees),
      credit_rating: credit,
      activities: String(activities),
      source: pick(rand, ['page', 'email', 'form', 'import']),
      converted: rand() < p ? '1' : '0',
    });
  }
  return rows;
}
