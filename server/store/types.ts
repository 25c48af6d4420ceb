import type { Activity } from '../../shared/schemas/activity.ts';
import type { Lead } from '../../shared/schemas/lead.ts';
import type { Firmographics } from '../../shared/schemas/scoring.ts';
import type { User } from '../../shared/schemas/user.ts';
import type { FieldChange } from '../../shared/merge.ts';
import type { Form } from '../../shared/schemas/forms.ts';
import type { Webhook, WebhookDelivery } from '../../shared/schemas/webhooks.ts';
import type { RoutingLogEntry } from '../../shared/schemas/routing.ts';

export interface UserRecord extends User {
  tokenHash: string;
}

export type LeadRecord = Lead & { seq: number };

export interface HistoryEntry {
  id: string;
  leadId: string;
  at: string;
  /** A user id, or `system` for timers and rules. */
  by: string;
  action: 'created' | 'merged' | 'updated' | 'claimed' | 'assigned' | 'activity' | 'routed' | 'returned' | 'snoozed' | 'rescored';
  changes: FieldChange[];
  note?: string;
}

/** The first answer to a request that carried an idempotency key, replayed on retries. */
export interface IdempotencyRecord {
  id: string;
  userId: string;
  at: string;
  response: unknown;
}

/** One named piece of team configuration (routing rules, scoring rules, SLA …), validated by its repo. */
export interface ConfigRecord {
  id: string;
  value: unknown;
  updatedAt: string;
  updatedBy: string;
}

/** One company from the firmographics CSV, keyed by its domain. */
export type FirmographicsRecord = Firmographics & { id: string; loadedAt: string };

/** How a lead ended (won or lost), with what was known of it then: the predictive model learns from these. */
export interface OutcomeRecord {
  /** The lead's id: a reopened lead that ends again replaces its outcome. */
  id: string;
  outcome: 'won' | 'lost';
  reason?: string;
  at: string;
  by: string;
  ownerId: string | null;
  source: string;
  title?: string;
  company?: string;
  score: { total: number; grade: string; fit: number; engagement: number; quality: number };
  activities: number;
}
/** A web-to-lead form; its id is the key in its public URL. */
export type FormRecord = Form & { id: string };

/** A registered webhook, with the secret that signs its deliveries. */
export type WebhookRecord = Webhook & { secret: string };

export interface Collections {
  users: UserRecord;
  leads: LeadRecord;
  activities: Activity;
  history: HistoryEntry;
  idempotency: IdempotencyRecord;
  config: ConfigRecord;
  firmographics: FirmographicsRecord;
  outcomes: OutcomeRecord;
  forms: FormRecord;
  webhooks: WebhookRecord;
  webhookDeliveries: WebhookDelivery;
  routingLog: RoutingLogEntry;
}
export type CollectionName = keyof Collections;
export const COLLECTIONS: readonly CollectionName[] = [
  'users', 'leads', 'activities', 'history', 'idempotency', 'config', 'firmographics', 'outcomes', 'forms', 'webhooks', 'webhookDeliveries', 'routingLog',
];

/** What lives on disk. */
export type Data = { schemaVersion: number; seq: number; journalGen: number } & { [C in CollectionName]: Record<string, Collections[C]> };

export interface ReadView {
  get<C extends CollectionName>(collection: C, id: string): Collections[C] | undefined;
  values<C extends CollectionName>(collection: C): Iterable<Collections[C]>;
  size(collection: CollectionName): number;
}

/**
 * A unit of change. Its function runs synchronously, so nothing else interleaves with it;
 * its puts become visible together once it returns, and none of them if it throws.
 * Records are shared, never mutated in place: put a new object.
 */
export interface Tx extends ReadView {
  put<C extends CollectionName>(collection: C, record: Collections[C]): void;
  delete(collection: CollectionName, id: string): void;
  /** The next value of the store-wide change sequence (for the change feed). */
  nextSeq(): number;
}

export type ChangeListener<C extends CollectionName> = (prev: Collections[C] | undefined, next: Collections[C] | undefined) => void;

/** The store behind every repository: lowdb by default, PostgreSQL later. */
export interface Store extends ReadView {
  /** Runs `fn` atomically; resolves after the change is durable on disk. */
  transact<T>(fn: (tx: Tx) => T): Promise<T>;
  /** Keeps an index up to date: called for every record put or deleted, and for each at load. */
  onChange<C extends CollectionName>(collection: C, listener: ChangeListener<C>): void;
  /** Resolves once every acknowledged change is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
