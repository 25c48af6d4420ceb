import { COLUMN_SETS } from '../../shared/export/columns.ts';
import { leadToVcard, vcardFileName } from '../../shared/export/vcard.ts';
import { toCsv } from '../../shared/csv.ts';
import type { ExportLeadsInput } from '../../shared/schemas/exports.ts';
import type { Deps } from '../deps.ts';
import { publicLead } from '../repos/leads.ts';
import type { UserRecord } from '../store/types.ts';
import { getLead } from './leads.ts';

/**
 * One page of a CSV export, filtered like leads.list. The first page (no cursor) starts with the
 * header row, so the pages concatenate into one file.
 */
export function exportLeads(deps: Deps, user: UserRecord, input: ExportLeadsInput): { csv: string; count: number; nextCursor: string | null } {
  const ownerId = input.ownerId === 'me' ? user.id : input.ownerId === 'none' ? null : input.ownerId;
  const page = deps.repos.leads.list({ status: input.status, ownerId, q: input.q }, input.limit, input.cursor);
  const set = COLUMN_SETS[input.format];
  const rows = page.items.map((record) => {
    const owner = record.ownerId ? deps.repos.users.get(record.ownerId) : undefined;
    return set.row(publicLead(record), { owner });
  });
  return { csv: toCsv(set.columns, rows, input.cursor === undefined), count: rows.length, nextCursor: page.nextCursor };
}

export function exportVcard(deps: Deps, id: string): { filename: string; vcard: string } {
  const lead = publicLead(getLead(deps, id));
  return { filename: vcardFileName(lead), vcard: leadToVcard(lead, deps.now()) };
}
