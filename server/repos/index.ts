import type { Store } from '../store/types.ts';
import { ActivitiesRepo } from './activities.ts';
import { ConfigRepo } from './config.ts';
import { HistoryRepo } from './history.ts';
import { IdempotencyRepo } from './idempotency.ts';
import { LeadsRepo } from './leads.ts';
import { UsersRepo } from './users.ts';
import { DeadlinesRepo } from './deadlines.ts';
import { QueueRepo } from './queue.ts';
import { RoutingLogRepo } from './routing-log.ts';

export interface Repos {
  users: UsersRepo;
  leads: LeadsRepo;
  history: HistoryRepo;
  activities: ActivitiesRepo;
  idempotency: IdempotencyRepo;
  config: ConfigRepo;
  queue: QueueRepo;
  deadlines: DeadlinesRepo;
  routingLog: RoutingLogRepo;
}

export function createRepos(store: Store): Repos {
  return {
    users: new UsersRepo(store),
    leads: new LeadsRepo(store),
    history: new HistoryRepo(store),
    activities: new ActivitiesRepo(store),
    idempotency: new IdempotencyRepo(store),
    config: new ConfigRepo(store),
    queue: new QueueRepo(store),
    deadlines: new DeadlinesRepo(store),
    routingLog: new RoutingLogRepo(store),
  };
}
