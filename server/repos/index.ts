import type { Store } from '../store/types.ts';
import { ActivitiesRepo } from './activities.ts';
import { ConfigRepo } from './config.ts';
import { FirmographicsRepo } from './firmographics.ts';
import { FormsRepo } from './forms.ts';
import { HistoryRepo } from './history.ts';
import { IdempotencyRepo } from './idempotency.ts';
import { LeadsRepo } from './leads.ts';
import { OutcomesRepo } from './outcomes.ts';
import { SummaryIndex } from './summary.ts';
import { UsersRepo } from './users.ts';
import { WebhooksRepo } from './webhooks.ts';
import { DeadlinesRepo } from './deadlines.ts';
import { QueueRepo } from './queue.ts';
import { RoutingLogRepo } from './routing-log.ts';
import { ChangeFeed } from './change-feed.ts';

export interface Repos {
  users: UsersRepo;
  leads: LeadsRepo;
  history: HistoryRepo;
  activities: ActivitiesRepo;
  idempotency: IdempotencyRepo;
  config: ConfigRepo;
  firmographics: FirmographicsRepo;
  outcomes: OutcomesRepo;
  summary: SummaryIndex;
  forms: FormsRepo;
  webhooks: WebhooksRepo;
  queue: QueueRepo;
  deadlines: DeadlinesRepo;
  routingLog: RoutingLogRepo;
  changeFeed: ChangeFeed;
}

export function createRepos(store: Store): Repos {
  return {
    users: new UsersRepo(store),
    leads: new LeadsRepo(store),
    history: new HistoryRepo(store),
    activities: new ActivitiesRepo(store),
    idempotency: new IdempotencyRepo(store),
    config: new ConfigRepo(store),
    firmographics: new FirmographicsRepo(store),
    outcomes: new OutcomesRepo(store),
    summary: new SummaryIndex(store),
    forms: new FormsRepo(store),
    webhooks: new WebhooksRepo(store),
    queue: new QueueRepo(store),
    deadlines: new DeadlinesRepo(store),
    routingLog: new RoutingLogRepo(store),
    changeFeed: new ChangeFeed(store),
  };
}
