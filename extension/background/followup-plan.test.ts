import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../../shared/schemas/team.ts';
import { leadIdOfAlarm, planFollowUps, reminderText } from './followup-plan.ts';

const now = new Date('2026-03-10T09:00:00.000Z');
const f = (leadId: string, followUpAt: string, extra: Partial<FollowUp> = {}): FollowUp => ({ activityId: `a-${leadId}`, leadId, leadName: 'Ana Ruiz', company: 'Acme', type: 'call', followUpAt, ...extra });

describe('reminderText', () => {
  it.each([
    [f('1', '2026-03-10T09:00:00.000Z'), 'Call back Ana Ruiz, Acme: due now'],
    [f('1', '2026-03-10T08:59:30.000Z', { type: 'email' }), 'Email Ana Ruiz, Acme: due now'],
    [f('1', '2026-03-10T08:40:00.000Z', { company: undefined }), 'Call back Ana Ruiz: overdue by 20 min'],
    [f('1', '2026-03-10T06:00:00.000Z', { type: 'meeting' }), 'Meet Ana Ruiz, Acme: overdue by 3 h'],
    [f('1', '2026-03-08T09:00:00.000Z', { type: 'note' }), 'Follow up with Ana Ruiz, Acme: overdue by 2 d'],
  ])('%o → %s', (followUp, text) => {
    const { company, ...rest } = followUp;
    expect(reminderText(company === undefined ? rest : followUp, now)).toBe(text);
  });
});

describe('planFollowUps', () => {
  it.each([
    { what: 'nothing pending', followUps: [], existing: [], alarms: [], clear: [], badge: '' },
    { what: 'a future follow-up gets an alarm', followUps: [f('a', '2026-03-11T09:00:00.000Z')], existing: [], alarms: [{ name: 'followup:a', when: Date.parse('2026-03-11T09:00:00.000Z') }], clear: [], badge: '' },
    { what: 'an alarm already right is left alone', followUps: [f('a', '2026-03-11T09:00:00.000Z')], existing: [{ name: 'followup:a', scheduledTime: Date.parse('2026-03-11T09:00:00.000Z') }], alarms: [], clear: [], badge: '' },
    { what: 'a moved follow-up is rescheduled', followUps: [f('a', '2026-03-12T09:00:00.000Z')], existing: [{ name: 'followup:a', scheduledTime: Date.parse('2026-03-11T09:00:00.000Z') }], alarms: [{ name: 'followup:a', when: Date.parse('2026-03-12T09:00:00.000Z') }], clear: [], badge: '' },
    { what: 'a settled follow-up loses its alarm, other alarms stay', followUps: [], existing: [{ name: 'followup:a', scheduledTime: 1 }, { name: 'followups:sync', scheduledTime: 1 }], alarms: [], clear: ['followup:a'], badge: '' },
    { what: 'due ones count on the badge', followUps: [f('a', '2026-03-10T08:00:00.000Z'), f('b', '2026-03-10T09:00:00.000Z'), f('c', '2026-03-10T10:00:00.000Z')], existing: [], alarms: [{ name: 'followup:c', when: Date.parse('2026-03-10T10:00:00.000Z') }], clear: [], badge: '2' },
  ])('$what', ({ followUps, existing, alarms, clear, badge }) => {
    const plan = planFollowUps(followUps, existing, now);
    expect(plan.alarms).toEqual(alarms);
    expect(plan.clear).toEqual(clear);
    expect(plan.badge).toBe(badge);
  });

  it('caps the badge at 99+', () => {
    const many = Array.from({ length: 120 }, (_, i) => f(String(i), '2026-03-10T08:00:00.000Z'));
    expect(planFollowUps(many, [], now)).toMatchObject({ due: 120, badge: '99+' });
  });
});

describe('leadIdOfAlarm', () => {
  it.each([
    ['followup:ld_1', 'ld_1'],
    ['followups:sync', undefined],
    ['other', undefined],
  ])('%s → %s', (name, id) => expect(leadIdOfAlarm(name)).toBe(id));
});
