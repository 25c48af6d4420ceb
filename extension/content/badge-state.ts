import { signal, type Signal } from '@preact/signals';
import type { Candidate } from '../../shared/capture/types.ts';
import type { ScoreReason } from '../../shared/schemas/lead.ts';

/** What a badge shows: the score of a known lead, or a "+" to capture an unknown contact. */
export type BadgeState =
  | { kind: 'checking' }
  | { kind: 'unknown' }
  | { kind: 'capturing' }
  | {
      kind: 'known';
      leadId: string;
      score: number;
      grade: string;
      status: string;
      ownerName?: string | undefined;
      /** When the lead entered its status (ISO). */
      statusSince?: string | undefined;
      reasons?: readonly ScoreReason[] | undefined;
      /** Set when the badge comes from the offline copy: when it was last in sync, or 'never'. */
      staleSince?: string;
    }
  /** Saved in the outbox while the server does not answer. */
  | { kind: 'queued'; waiting: number }
  | { kind: 'error'; message: string };

export interface BadgeModel {
  key: string;
  candidate: Candidate;
  state: Signal<BadgeState>;
}

export const createBadgeModel = (key: string, candidate: Candidate): BadgeModel => ({
  key,
  candidate,
  state: signal<BadgeState>({ kind: 'checking' }),
});
