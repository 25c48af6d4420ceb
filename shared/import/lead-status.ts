/**
 * A lead status from another tool's export, where it says how the lead ended. Only closed
 * statuses are kept: an open one ("Working - Contacted", "In Progress") belonged to an owner in
 * the old tool, and an imported lead has none here, so it starts as new in the queue.
 */
export interface ImportedStatus {
  status: 'converted' | 'lost';
  /** The status as the file spells it, kept as the reason a lead was lost. */
  label: string;
}

const key = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

// Salesforce's closed lead statuses, HubSpot's lead statuses that end a lead, and plain words.
const CLOSED: Record<string, ImportedStatus['status']> = {
  closedconverted: 'converted',
  converted: 'converted',
  closedwon: 'converted',
  won: 'converted',
  customer: 'converted',
  closednotconverted: 'lost',
  closedlost: 'lost',
  lost: 'lost',
  unqualified: 'lost',
  disqualified: 'lost',
  badtiming: 'lost',
  junk: 'lost',
};

export function importedStatus(value: string | undefined): ImportedStatus | null {
  const label = value?.trim() ?? '';
  const status = CLOSED[key(label)];
  return status ? { status, label } : null;
}
