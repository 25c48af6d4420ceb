import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeIssues } from '../../shared/schemas/describe.ts';
import { routingConfig, ROUTING_KINDS } from '../../shared/schemas/routing.ts';
import { userUpdateInput, type UserUpdateInput } from '../../shared/schemas/user.ts';
import { apiClient, remoteFrom } from './client.ts';

const ROUTING_USAGE = 'usage: leadsync routing rules [--set FILE.json] | leadsync routing log [--lead ID] [--user ID] [--kind KIND] [--limit N]';
const USER_SET_USAGE =
  'usage: leadsync user set ID_OR_EMAIL [--away [--until DATE]] [--back] [--capacity N] [--weight W] [--territories A,B] [--tags x,y] [--active|--inactive]';

const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));

/**
 * `leadsync routing …` for team leads: print the routing rules (edit them, then `--set` the file
 * back), or read the routing log, newest first, one move a line.
 */
export async function routingCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      set: { type: 'string' },
      lead: { type: 'string' },
      user: { type: 'string' },
      kind: { type: 'string' },
      limit: { type: 'string' },
    },
  });
  const api = apiClient(remoteFrom(values));
  if (sub === 'rules') {
    if (values.set) {
      // Checked here too, so a mistake is reported with the file's own field names before anything is sent.
      const parsed = routingConfig.safeParse(JSON.parse(readFileSync(values.set, 'utf8')));
      if (!parsed.success) throw new Error(`${values.set}: ${describeIssues(parsed.error).message}`);
      const saved = await api.routing.setRules.mutate(parsed.data);
      process.stderr.write(`Routing rules saved: ${saved.rules.length} rule${saved.rules.length === 1 ? '' : 's'}, auto-assignment ${saved.autoAssign ? 'on' : 'off'}.\n`);
      process.stdout.write(`${JSON.stringify(saved, null, 2)}\n`);
      return;
    }
    process.stdout.write(`${JSON.stringify(await api.routing.getRules.query(), null, 2)}\n`);
    return;
  }
  if (sub === 'log') {
    const kind = values.kind as (typeof ROUTING_KINDS)[number] | undefined;
    if (kind !== undefined && !ROUTING_KINDS.includes(kind)) throw new Error(`--kind: one of ${ROUTING_KINDS.join(', ')}`);
    const { items } = await api.routing.log.query({
      ...(values.lead ? { leadId: values.lead } : {}),
      ...(values.user ? { userId: values.user } : {}),
      ...(kind ? { kind } : {}),
      limit: values.limit ? Number(values.limit) : 50,
    });
    for (const e of items) process.stdout.write(`${e.at}  ${e.kind.padEnd(10)} ${e.leadId}  ${e.from ?? 'queue'} → ${e.to ?? 'queue'}  by ${e.by}: ${e.reason}\n`);
    return;
  }
  throw new Error(ROUTING_USAGE);
}

/** The `users.update` input the flags of `leadsync user set` ask for; pure, for its tests. */
export function userSetInput(id: string, flags: Record<string, string | boolean | undefined>): UserUpdateInput {
  if (flags.away && flags.back) throw new Error('--away and --back: pick one');
  if (flags.active && flags.inactive) throw new Error('--active and --inactive: pick one');
  if (flags.until !== undefined && !flags.away) throw new Error('--until goes with --away');
  const until = typeof flags.until === 'string' ? new Date(flags.until) : undefined;
  if (until && Number.isNaN(until.getTime())) throw new Error(`--until: "${String(flags.until)}" is not a date (try 2026-07-01 or 2026-07-01T09:00:00Z)`);
  const raw = {
    id,
    ...(flags.away ? { away: true, awayUntil: until ? until.toISOString() : null } : {}),
    ...(flags.back ? { away: false } : {}),
    ...(flags.active ? { active: true } : {}),
    ...(flags.inactive ? { active: false } : {}),
    ...(typeof flags.capacity === 'string' ? { capacity: Number(flags.capacity) } : {}),
    ...(typeof flags.weight === 'string' ? { weight: Number(flags.weight) } : {}),
    ...(typeof flags.territories === 'string' ? { territories: list(flags.territories) } : {}),
    ...(typeof flags.tags === 'string' ? { tags: list(flags.tags) } : {}),
  };
  if (Object.keys(raw).length === 1) throw new Error(USER_SET_USAGE);
  const parsed = userUpdateInput.safeParse(raw);
  if (!parsed.success) throw new Error(describeIssues(parsed.error).message);
  return parsed.data;
}

/** `leadsync user set …`: a rep's availability, cap, weight, territories and tags (team lead or admin). */
export async function userSet(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      away: { type: 'boolean' },
      until: { type: 'string' },
      back: { type: 'boolean' },
      active: { type: 'boolean' },
      inactive: { type: 'boolean' },
      capacity: { type: 'string' },
      weight: { type: 'string' },
      territories: { type: 'string' },
      tags: { type: 'string' },
    },
  });
  const who = positionals[0];
  if (!who) throw new Error(USER_SET_USAGE);
  const api = apiClient(remoteFrom(values));
  // An email is easier to type than an id.
  const id = who.includes('@') ? (await api.users.list.query()).find((u) => u.email.toLowerCase() === who.toLowerCase())?.id : who;
  if (!id) throw new Error(`no user with the email ${who}`);
  const user = await api.users.update.mutate(userSetInput(id, values));
  const away = user.away ? `away${user.awayUntil ? ` until ${user.awayUntil}` : ''}` : 'available';
  process.stdout.write(
    `${user.name} <${user.email}>: ${user.active ? away : 'inactive'}, cap ${user.capacity}, weight ${user.weight ?? 1}, territories ${user.territories?.join(',') || 'all'}, tags ${user.tags?.join(',') || 'none'}\n`,
  );
}
