import { browser } from '#imports';
import { followUpsItem } from '../storage/items.ts';
import { conflictsItem, outboxItem, rejectedItem, syncStateItem } from '../storage/sync.ts';
import { badgeFor } from '../sync/badge-plan.ts';

/** Paints the toolbar button from what is stored: follow-ups due, writes waiting, changes that need the rep. */
export async function paintBadge(now: Date): Promise<void> {
  const [followUps, outbox, conflicts, rejected, state] = await Promise.all([
    followUpsItem.getValue(),
    outboxItem.getValue(),
    conflictsItem.getValue(),
    rejectedItem.getValue(),
    syncStateItem.getValue(),
  ]);
  const due = followUps.filter((f) => Date.parse(f.followUpAt) <= now.getTime()).length;
  const badge = badgeFor({ due, waiting: outbox.length, needsYou: conflicts.length + rejected.length, offline: state.offline });
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setTitle({ title: badge.title });
}
