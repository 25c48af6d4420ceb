import { browser } from '#imports';
import type { FollowUp } from '../../shared/schemas/team.ts';
import type { Reply } from '../../shared/schemas/messages.ts';
import { followUpsItem } from '../storage/items.ts';
import { paintBadge } from './badge.ts';
import { DEADLINE_NOTIFICATION_PREFIX } from './deadlines.ts';
import { leadIdOfAlarm, planFollowUps, reminderText, SYNC_ALARM } from './followup-plan.ts';

const NOTIFICATION_PREFIX = 'lead:';
/** Reminders still ring when the popup is closed: the list is refetched on this period too. */
const SYNC_MINUTES = 5;

export interface FollowUpDeps {
  fetchFollowUps(): Promise<Reply<FollowUp[]>>;
  /** Makes the lead the popup's current lead. */
  openLead(leadId: string): Promise<unknown>;
  now(): Date;
}

/** Fetches the rep's follow-ups, sets one alarm per follow-up, and shows the number due on the toolbar. */
export async function syncFollowUps(deps: FollowUpDeps): Promise<void> {
  const reply = await deps.fetchFollowUps();
  if (!reply.ok) {
    // Not connected or not reachable: keep the alarms set from the last good list.
    if (reply.code === 'NOT_CONFIGURED' || reply.code === 'UNAUTHORIZED') await browser.action.setBadgeText({ text: '' });
    return;
  }
  await followUpsItem.setValue(reply.data);
  const plan = planFollowUps(reply.data, await browser.alarms.getAll(), deps.now());
  await Promise.all(plan.clear.map((name) => browser.alarms.clear(name)));
  await Promise.all(plan.alarms.map(({ name, when }) => browser.alarms.create(name, { when })));
  // The badge also marks writes waiting to sync (badge.ts): one painter for both.
  await paintBadge(deps.now());
}

async function remind(deps: FollowUpDeps, leadId: string): Promise<void> {
  const followUp = (await followUpsItem.getValue()).find((f) => f.leadId === leadId);
  if (followUp) {
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${leadId}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Leadsync follow-up',
      message: reminderText(followUp, deps.now()),
      priority: 2,
    });
  }
  await syncFollowUps(deps);
}

/** Registers the listeners; called synchronously at the start of the background worker. */
export function registerFollowUps(deps: FollowUpDeps): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) {
      void syncFollowUps(deps);
      return;
    }
    const leadId = leadIdOfAlarm(alarm.name);
    if (leadId) void remind(deps, leadId);
  });
  browser.notifications.onClicked.addListener((id) => {
    const prefix = [NOTIFICATION_PREFIX, DEADLINE_NOTIFICATION_PREFIX].find((p) => id.startsWith(p));
    if (!prefix) return;
    const leadId = id.slice(prefix.length);
    void (async () => {
      await browser.notifications.clear(id);
      await deps.openLead(leadId);
      // The popup shows the current lead; where it cannot open by itself, a tab shows it.
      try {
        await browser.action.openPopup();
      } catch {
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
      }
    })();
  });
  const start = () => {
    void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_MINUTES, delayInMinutes: SYNC_MINUTES });
    void syncFollowUps(deps);
  };
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);
}
