import type { Lead, LeadStatus } from '../schemas/lead.ts';

export const EXPORT_FORMATS = ['leadsync', 'hubspot'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportContext {
  /** The owner's name and email, looked up by the caller. */
  owner?: { name: string; email: string } | undefined;
}

/** "Maria de la Cruz" → ["Maria", "de la Cruz"]: what HubSpot's First and Last Name expect. */
export function splitName(name: string | undefined): [string, string] {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  return [parts[0] ?? '', parts.slice(1).join(' ')];
}

// HubSpot's default Lead Status and Lifecycle Stage options, by their import labels.
const HUBSPOT_STATUS: Record<LeadStatus, string> = {
  new: 'New',
  assigned: 'Open',
  contacted: 'Connected',
  qualified: 'Open Deal',
  converted: 'Open Deal',
  lost: 'Unqualified',
};
const HUBSPOT_STAGE: Record<LeadStatus, string> = {
  new: 'Lead',
  assigned: 'Lead',
  contacted: 'Lead',
  qualified: 'Sales Qualified Lead',
  converted: 'Customer',
  lost: 'Other',
};

interface ColumnSet {
  columns: readonly string[];
  row(lead: Lead, context: ExportContext): unknown[];
}

/**
 * Leadsync's own columns read back in by `leadsync import` unchanged; HubSpot's are the headers
 * its contact import recognises without mapping.
 */
export const COLUMN_SETS: Record<ExportFormat, ColumnSet> = {
  leadsync: {
    columns: ['Id', 'Name', 'Email', 'Phone', 'Title', 'Company', 'Website', 'Address', 'Other Emails', 'Other Phones', 'Status', 'Lost Reason', 'Owner', 'Owner Email', 'Contact By', 'Score', 'Grade', 'Source', 'Source Name', 'Source URL', 'Referrer', 'UTM Source', 'UTM Medium', 'UTM Campaign', 'Created At', 'Updated At'],
    row: (l, { owner }) => [
      l.id, l.name, l.email, l.phone, l.title, l.company, l.website, l.address, l.otherEmails.join(' '), l.otherPhones.join(' '),
      l.status, l.lostReason, owner?.name, owner?.email, l.contactBy, l.score.total, l.score.grade,
      l.source.kind, l.source.name, l.source.url, l.source.referrer, l.source.utm?.source, l.source.utm?.medium, l.source.utm?.campaign,
      l.createdAt, l.updatedAt,
    ],
  },
  hubspot: {
    columns: ['First Name', 'Last Name', 'Email', 'Phone Number', 'Job Title', 'Company Name', 'Website URL', 'Street Address', 'Lead Status', 'Lifecycle Stage', 'Contact owner', 'Create Date'],
    row: (l, { owner }) => {
      const [first, last] = splitName(l.name);
      return [first, last, l.email, l.phone, l.title, l.company, l.website, l.address, HUBSPOT_STATUS[l.status], HUBSPOT_STAGE[l.status], owner?.email, l.createdAt];
    },
  },
};
