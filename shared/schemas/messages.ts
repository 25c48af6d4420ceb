import { z } from 'zod';
import { activityAddInput } from './activity.ts';
import { assignInput, getInput, listInput, LOOKUP_MAX, updateInput } from './api.ts';
import { captureInput } from './lead.ts';
import { provisionalContact } from './provisional.ts';
import { userUpdateInput } from './user.ts';
import { editBase, syncMessages } from './sync-messages.ts';
import { routingConfig, routingLogInput } from './routing.ts';

/** Messages from the content script, popup and options page to the background. */
export const extensionMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('lookup'),
    emails: z.array(z.string().max(254)).max(LOOKUP_MAX),
    phones: z.array(z.string().max(40)).max(LOOKUP_MAX),
  }),
  z.object({ type: z.literal('capture'), lead: captureInput }),
  /** The score a contact in the review card would get, before it is saved. */
  z.object({ type: z.literal('provisional-score'), contact: provisionalContact }),
  z.object({ type: z.literal('next-lead') }),
  z.object({ type: z.literal('whoami') }),
  z.object({ type: z.literal('get-lead'), id: getInput.shape.id }),
  /** Makes a lead the one the popup shows (from My leads, or a follow-up's notification). */
  z.object({ type: z.literal('open-lead'), id: getInput.shape.id }),
  /** `base`: the lead's values the rep edited from, so an edit replayed later can tell whose change is whose. */
  z.object({ type: z.literal('update-lead'), update: updateInput, base: editBase.optional() }),
  z.object({ type: z.literal('add-activity'), activity: activityAddInput }),
  z.object({ type: z.literal('list-leads'), filter: listInput }),
  z.object({ type: z.literal('follow-ups') }),
  z.object({ type: z.literal('lost-reasons') }),
  z.object({ type: z.literal('team-summary') }),
  z.object({ type: z.literal('users') }),
  z.object({ type: z.literal('assign'), assign: assignInput }),
  /** The queue's best leads, for a team lead to push one to a rep. */
  z.object({ type: z.literal('queue-peek') }),
  /** A team lead marks a rep away (until a moment, or further notice) or back, from the Team tab. */
  z.object({ type: z.literal('set-away'), update: userUpdateInput.pick({ id: true, away: true, awayUntil: true }).required({ away: true }) }),
  /** A team lead changes a rep's availability, cap, weight, territories or tags. */
  z.object({ type: z.literal('update-user'), update: userUpdateInput }),
  /** The team's routing rules, and a team lead's change to them (auto-assignment on or off). */
  z.object({ type: z.literal('routing-rules') }),
  z.object({ type: z.literal('set-routing'), config: routingConfig }),
  z.object({ type: z.literal('routing-log'), filter: routingLogInput }),
  z.object({
    type: z.literal('test-connection'),
    serverUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
    token: z.string().min(1, 'is required').max(512),
  }),
  ...syncMessages,
]);
export type ExtensionMessage = z.input<typeof extensionMessage>;
export type ParsedMessage = z.output<typeof extensionMessage>;

/** Why a call from the extension failed, in words a rep can act on. */
export const FAILURE_CODES = ['NOT_CONFIGURED', 'UNREACHABLE', 'UNAUTHORIZED', 'FORBIDDEN', 'BAD_REQUEST', 'CONFLICT', 'PRECONDITION_FAILED', 'NOT_FOUND', 'ERROR'] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** `stale`: answered from the offline copy, as it was at that time (ISO), because the server did not answer. */
export type Reply<T> = { ok: true; data: T; stale?: string } | { ok: false; code: FailureCode; message: string };
