import type { Store } from '../store/types.ts';
import { ActivitiesRepo } from './activities.ts';
import { ConfigRepo } from './config.ts';
import { HistoryRepo } from './history.ts';
import { IdempotencyRepo } from './idempotency.ts';
import { LeadsRepo } from './leads.ts';
import { OutcomesRepo } from './outcomes.ts';
import { SummaryIndex } from './summary.ts';
import { UsersRepo } from './users.ts';

export interface Repos {
  users: UsersRepo;
  leads: LeadsRepo;
  history: HistoryRepo;
  activities: ActivitiesRepo;
  idempotency: IdempotencyRepo;
  config: ConfigRepo;
  outcomes: OutcomesRepo;
  summary: SummaryIndex;
}

export function createRepos(store: Store): Repos {
  return {
    users: new UsersRepo(store),
    leads: new LeadsRepo(store),
    history: new HistoryRepo(store),
    activities: new ActivitiesRepo(store),
    idempotency: new IdempotencyRepo(store),
    config: new ConfigRepo(store),
    outcomes: new OutcomesRepo(store),
    summary: new SummaryIndex(store),
  };
}
