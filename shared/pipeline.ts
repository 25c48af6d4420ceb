import type { LeadStatus } from './schemas/lead.ts';

/** The statuses a lead may move to from each status. Ownership changes move new ↔ assigned. */
export const TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ['assigned', 'contacted', 'qualified', 'lost'],
  assigned: ['new', 'contacted', 'qualified', 'lost'],
  contacted: ['qualified', 'converted', 'lost'],
  qualified: ['contacted', 'converted', 'lost'],
  converted: [],
  lost: ['new'],
};

export const OPEN_STATUSES: ReadonlySet<LeadStatus> = new Set(['assigned', 'contacted', 'qualified']);

export const canTransition = (from: LeadStatus, to: LeadStatus): boolean => from === to || TRANSITIONS[from].includes(to);
