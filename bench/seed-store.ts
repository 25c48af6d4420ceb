import { createLogger } from '../server/log.ts';
import { Metrics } from '../server/metrics.ts';
import { createRepos } from '../server/repos/index.ts';
import { captureLead } from '../server/services/leads.ts';
import { bootstrapAdmin } from '../server/services/users.ts';
import { LowdbStore } from '../server/store/lowdb-store.ts';
import type { Deps } from '../server/deps.ts';
import { captureInput } from '../shared/schemas/lead.ts';

const FIRST = ['Ana', 'Maria', 'James', 'Li', 'Fatima', 'Noah', 'Olivia', 'Lucas', 'Amara', 'Kenji'];
const LAST = ['Ruiz', 'Lopez', 'Chen', 'Okafor', 'Schmidt', 'Rossi', 'Nguyen', 'Patel', 'Kowalski', 'Dubois'];
const TITLES = ['CEO', 'VP Sales', 'Head of Operations', 'Procurement Manager', 'Software Engineer'];

/** The i-th synthetic lead: unique email, realistic fields. */
export function benchLead(i: number, prefix = 'seed') {
  const first = FIRST[i % FIRST.length] as string;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
  return {
    name: `${first} ${last} ${prefix}${i}`,
    email: `${first}.${last}.${prefix}${i}@company${i % 5000}.example`.toLowerCase(),
    title: TITLES[i % TITLES.length],
    company: `Company ${i % 5000}`,
    website: `https://company${i % 5000}.example`,
    source: { kind: 'import' as const },
  };
}

/** Fills a data folder with `count` leads through the real capture service, then closes it cleanly. */
export async function seedStore(dir: string, count: number, adminToken: string): Promise<void> {
  const store = await LowdbStore.open({ dir });
  const deps: Deps = {
    store,
    repos: createRepos(store),
    now: () => new Date(),
    log: createLogger('silent'),
    settings: { contactByHours: 24, defaultRegion: 'US' },
    metrics: new Metrics(),
  };
  await bootstrapAdmin(deps, adminToken);
  const admin = deps.repos.users.list()[0];
  if (!admin) throw new Error('no admin');
  for (let i = 0; i < count; i += 1000) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 1000); j++) batch.push(captureLead(deps, admin, captureInput.parse(benchLead(j))));
    await Promise.all(batch);
  }
  deps.metrics.stop();
  await store.close();
}
