/**
 * A lead status from another tool's export, where it says how the lead ended. Only closed
 * statuses are kept: an open one ("Working - Contacted", "In Progress") belonged to an owner in
 * the old tool, and an imported lead has none here, so it starts as new in the queue.
 */
export interface ImportedStatus {
  status: 'converted' | 'lost';
  /** The reason the file gives for a lost lead, else the status as the file spells it. */
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

/** The closed status a file's row gives, if any; a lost one takes the row's own reason when it has one. */
export function importedStatus(value: string | undefined, lostReason?: string): ImportedStatus | null {
  const label = value?.trim() ?? '';
  const status = CLOSED[key(label)];
  if (!status) return null;
  const reason = lostReason?.trim();
  return { status, label: status === 'lost' && reason ? reason : label };
}
