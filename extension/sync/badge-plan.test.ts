import { describe, expect, it } from 'vitest';
import { badgeFor } from './badge-plan.ts';

describe('badgeFor', () => {
  it.each([
    { due: 0, waiting: 0, needsYou: 0, offline: false, text: '', color: '#b42318', title: 'Leadsync' },
    { due: 3, waiting: 0, needsYou: 0, offline: false, text: '3', color: '#b42318', title: 'Leadsync: 3 follow-ups due' },
    { due: 0, waiting: 5, needsYou: 0, offline: true, text: '↑5', color: '#b54708', title: 'Leadsync: 5 waiting to sync (server not reachable)' },
    { due: 2, waiting: 5, needsYou: 0, offline: false, text: '2↑', color: '#b54708', title: 'Leadsync: 2 follow-ups due · 5 waiting to sync' },
    { due: 0, waiting: 0, needsYou: 1, offline: false, text: '!', color: '#b54708', title: 'Leadsync: 1 change needs your attention' },
    { due: 1, waiting: 2, needsYou: 2, offline: false, text: '1!', color: '#b54708', title: 'Leadsync: 1 follow-up due · 2 waiting to sync · 2 changes need your attention' },
    { due: 120, waiting: 1, needsYou: 0, offline: false, text: '99+↑', color: '#b54708', title: 'Leadsync: 120 follow-ups due · 1 waiting to sync' },
    { due: 0, waiting: 150, needsYou: 0, offline: false, text: '↑99+', color: '#b54708', title: 'Leadsync: 150 waiting to sync' },
  ])('due $due, waiting $waiting, needs you $needsYou → "$text"', ({ text, color, title, ...input }) => {
    expect(badgeFor(input)).toEqual({ text, color, title });
  });
});
