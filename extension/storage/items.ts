import { storage } from '#imports';
import type { Lead } from '../../shared/schemas/lead.ts';
import type { FollowUp } from '../../shared/schemas/team.ts';
import { NEVER_CAPTURE_KEY } from './keys.ts';

/** Every key the extension persists, declared once, typed and versioned. */

export interface Settings {
  serverUrl: string;
  token: string;
}

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4400';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { serverUrl: DEFAULT_SERVER_URL, token: '' },
  version: 1,
});

/** The lead the rep pulled last, so the popup shows it again when reopened. */
export const currentLeadItem = storage.defineItem<Lead | null>('local:currentLead', {
  fallback: null,
  version: 1,
});

/** The rep's pending follow-ups as last fetched: the alarms name a lead, this holds what to say. */
export const followUpsItem = storage.defineItem<FollowUp[]>('local:followUps', {
  fallback: [],
  version: 1,
});

/** Addresses and domains the rep never captures, as typed in the options (one per line). */
export const neverCaptureItem = storage.defineItem<string>(`local:${NEVER_CAPTURE_KEY}`, {
  fallback: '',
  version: 1,
});

/** Lead id → the deadline already warned about, so each deadline raises one notification. */
export const warnedDeadlinesItem = storage.defineItem<Record<string, string>>('local:warnedDeadlines', {
  fallback: {},
  version: 1,
});
