import type { Lead } from '../../shared/schemas/lead.ts';

/** A lead as the server answers it, for the sync plans' tables. */
export function testLead(id: string, extra: Partial<Lead> = {}): Lead {
  return {
    id,
    name: 'Ana Ruiz',
    email: `${id}@acme.example`,
    otherEmails: [],
    otherPhones: [],
    title: 'VP Sales',
    company: 'Acme',
    provenance: {},
    source: { kind: 'page' },
    status: 'assigned',
    ownerId: 'usr_me',
    contactBy: null,
    score: { total: 50, grade: 'B', quality: 20, fit: 20, engagement: 10, reasons: [], version: 1, scoredAt: '2026-03-10T09:00:00.000Z' },
    version: 1,
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
    ...extra,
  };
}
