import { signal } from '@preact/signals';
import { STRATEGIES } from '../../shared/routing/registry.ts';
import type { RoutingConfig, RoutingLogEntry, RoutingRule } from '../../shared/schemas/routing.ts';
import type { Send } from '../content/scanner.ts';

const STRATEGY_LABEL: Record<string, string> = Object.fromEntries(STRATEGIES.map((s) => [s.id, s.label.toLowerCase()]));

/** A rule in one line: which leads, to whom, how. `Hot leads: grade A, score ≥ 70 → reps tagged senior, least loaded`. */
export function describeRule(rule: RoutingRule, nameOf: (id: string) => string): string {
  const w = rule.when;
  const which = [
    w.grades && `grade ${w.grades.join('/')}`,
    w.minScore !== undefined && `score ≥ ${w.minScore}`,
    w.sources && `from ${w.sources.join('/')}`,
    w.territories && `in ${w.territories.join('/')}`,
  ].filter(Boolean);
  const who = [rule.reps.userIds && rule.reps.userIds.map(nameOf).join(', '), rule.reps.tags && `reps tagged ${rule.reps.tags.join('/')}`].filter(Boolean);
  return `${rule.name}: ${which.length ? which.join(', ') : 'every lead'} → ${who.length ? who.join('; ') : 'every rep'}, ${STRATEGY_LABEL[rule.strategy] ?? rule.strategy}${rule.enabled ? '' : ' (off)'}`;
}

const KIND_WORDS: Record<RoutingLogEntry['kind'], string> = {
  claimed: 'pulled by',
  assigned: 'assigned to',
  reassigned: 'moved to',
  routed: 'routed to',
  returned: 'back to the queue',
  escalated: 'escalated to',
};

/** A routing log line in words: `routed to Ana Ruiz`, `back to the queue`. */
export const describeMove = (e: RoutingLogEntry, nameOf: (id: string) => string): string =>
  e.to === null ? KIND_WORDS.returned : `${KIND_WORDS[e.kind]} ${nameOf(e.to)}`;

/** The team lead's view of routing: the rules, auto-assignment on or off, and the latest moves. */
export function createRoutingModel(deps: { send: Send }) {
  const config = signal<RoutingConfig | null>(null);
  const log = signal<RoutingLogEntry[]>([]);
  const error = signal<string | null>(null);
  const busy = signal(false);

  async function load(): Promise<void> {
    const [rules, moves] = await Promise.all([deps.send({ type: 'routing-rules' }), deps.send({ type: 'routing-log', filter: { limit: 10 } })]);
    if (!rules.ok) {
      error.value = rules.message;
      return;
    }
    error.value = null;
    config.value = rules.data;
    if (moves.ok) log.value = moves.data.items;
  }

  async function setAutoAssign(on: boolean): Promise<void> {
    const current = config.value;
    if (!current || busy.value) return;
    busy.value = true;
    try {
      const reply = await deps.send({ type: 'set-routing', config: { ...current, autoAssign: on } });
      if (reply.ok) config.value = reply.data;
      else error.value = reply.message;
    } finally {
      busy.value = false;
    }
  }

  return { config, log, error, busy, load, setAutoAssign };
}
export type RoutingModel = ReturnType<typeof createRoutingModel>;
