import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { HONEYPOT_FIELD, submissionToCapture } from '../../shared/forms/web-to-lead.ts';
import { describeIssues } from '../../shared/schemas/describe.ts';
import type { Form, FormCreateInput } from '../../shared/schemas/forms.ts';
import { captureInput } from '../../shared/schemas/lead.ts';
import type { Deps } from '../deps.ts';
import type { FormRecord, UserRecord } from '../store/types.ts';
import { captureLead, type Placement } from './leads.ts';
import { placeNewLead } from './routing.ts';

const publicForm = ({ id: _id, ...form }: FormRecord): Form => form;

export function createForm(deps: Deps, user: UserRecord, input: FormCreateInput): Promise<Form> {
  if (input.ownerId !== undefined) {
    const owner = deps.repos.users.get(input.ownerId);
    if (!owner?.active) throw new TRPCError({ code: 'BAD_REQUEST', message: `ownerId: no active user ${input.ownerId}` });
  }
  const now = deps.now().toISOString();
  const key = `frm_${randomBytes(12).toString('base64url')}`;
  const record: FormRecord = {
    id: key,
    key,
    name: input.name,
    allowedOrigins: [...new Set(input.allowedOrigins ?? [])],
    redirectUrl: input.redirectUrl ?? null,
    ownerId: input.ownerId ?? null,
    mapping: input.mapping ?? {},
    createdAt: now,
    createdBy: user.id,
    submissions: 0,
    lastSubmissionAt: null,
  };
  return deps.store.transact((tx) => {
    deps.repos.forms.put(tx, record);
    return publicForm(record);
  });
}

export const listForms = (deps: Deps): Form[] => deps.repos.forms.list().map(publicForm);

/** Why a submission was refused, with the HTTP status the public endpoint answers. */
export class SubmissionError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
  }
}

export function formFor(deps: Deps, key: string): FormRecord {
  const form = deps.repos.forms.get(key);
  if (!form) throw new SubmissionError(404, 'no such form');
  return form;
}

/** Whether a browser on `origin` may post the form (no Origin header: a server or curl). */
export function originAllowed(form: FormRecord, origin: string | undefined): boolean {
  if (form.allowedOrigins.length === 0 || origin === undefined) return true;
  return form.allowedOrigins.includes(origin);
}

export interface SubmissionResult {
  leadId: string;
  created: boolean;
}

/**
 * One post of a web-to-lead form: spam check, validation, then the same capture as any other
 * source, so that a double-clicked submit merges into the lead the first click made.
 */
export async function submitForm(
  deps: Deps,
  form: FormRecord,
  body: Record<string, unknown>,
  meta: { refererHeader?: string | undefined },
): Promise<SubmissionResult> {
  const trap = body[HONEYPOT_FIELD];
  if (trap !== undefined && trap !== '') throw new SubmissionError(400, 'the submission was refused as spam');
  const raw = submissionToCapture(body, form.mapping, { formName: form.name, refererHeader: meta.refererHeader, region: deps.settings.defaultRegion });
  const parsed = captureInput.safeParse(raw);
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    throw new SubmissionError(400, message, fields);
  }
  // The form's owner gets its new leads, in the capture's own transaction; one who cannot take
  // them (gone, away, full) passes them to the routing rules or the queue instead.
  const owner = form.ownerId ? { userId: form.ownerId, by: form.createdBy, via: `web form "${form.name}"` } : undefined;
  const place: Placement | undefined = owner ? (tx, draft, now) => placeNewLead(deps, tx, draft, now, owner) : undefined;
  const { lead, created } = await captureLead(deps, { id: `form:${form.key}` }, parsed.data, place);
  await deps.store.transact((tx) => {
    const current = deps.repos.forms.get(form.key) ?? form;
    deps.repos.forms.put(tx, { ...current, submissions: current.submissions + 1, lastSubmissionAt: deps.now().toISOString() });
  });
  return { leadId: lead.id, created };
}
