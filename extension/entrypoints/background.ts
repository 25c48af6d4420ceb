import { browser, defineBackground } from '#imports';
import { extensionMessage } from '../../shared/schemas/messages.ts';
import { describeZod } from '../../shared/schemas/describe.ts';
import { handleMessage } from '../background/handlers.ts';
import { watchDeadlines } from '../background/deadlines.ts';
import { currentLeadItem, settingsItem, warnedDeadlinesItem } from '../storage/items.ts';

const deps = {
  settings: () => settingsItem.getValue(),
  saveCurrentLead: (lead: Parameters<typeof currentLeadItem.setValue>[0]) => currentLeadItem.setValue(lead),
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
};

export default defineBackground(() => {
  watchDeadlines(browser.alarms, {
    ...deps,
    now: () => new Date(),
    warned: warnedDeadlinesItem,
    notify: async (id, title, message) => {
      await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    },
  });
  // MV3: listeners are registered synchronously, at the top of the worker's start.
  browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const parsed = extensionMessage.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, code: 'BAD_REQUEST', message: describeZod(parsed.error) });
      return false;
    }
    handleMessage(parsed.data, deps).then(sendResponse);
    return true;
  });

  browser.commands.onCommand.addListener((command) => {
    if (command !== 'next-lead') return;
    void handleMessage({ type: 'next-lead' }, deps).then(async (reply) => {
      const text = reply.ok ? (reply.data.lead ? '1' : '0') : '!';
      await browser.action.setBadgeText({ text });
      // Show the pulled lead where the rep expects it; older browsers cannot open the popup.
      try {
        await browser.action.openPopup();
      } catch {
        await browser.action.setTitle({ title: reply.ok ? 'Leadsync: your next lead is ready, click to see it' : `Leadsync: ${reply.message}` });
      }
    });
  });
});
