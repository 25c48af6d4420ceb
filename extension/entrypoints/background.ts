import { browser, defineBackground } from '#imports';
import { extensionMessage } from '../../shared/schemas/messages.ts';
import { describeZod } from '../../shared/schemas/describe.ts';
import { registerFollowUps, syncFollowUps, type FollowUpDeps } from '../background/followups.ts';
import { watchDeadlines } from '../background/deadlines.ts';
import { handleMessage, type HandlerDeps } from '../background/handlers.ts';
import { runNextLeadCommand } from '../background/next-lead-command.ts';
import { watchScanAccess } from '../background/scan-setup.ts';
import { currentLeadItem, followUpsItem, settingsItem, warnedDeadlinesItem } from '../storage/items.ts';
import { createSync } from '../background/sync-wiring.ts';

const deps: HandlerDeps = {
  settings: () => settingsItem.getValue(),
  saveCurrentLead: (lead) => currentLeadItem.setValue(lead),
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  followUpsChanged: () => syncFollowUps(followUpDeps),
};
const followUpDeps: FollowUpDeps = {
  fetchFollowUps: () => handleMessage({ type: 'follow-ups' }, deps),
  openLead: (id) => handleMessage({ type: 'open-lead', id }, deps),
  now: () => new Date(),
};

const sync = createSync({
  ...deps,
  loadCurrentLead: () => currentLeadItem.getValue(),
  followUps: followUpsItem,
  followUpsChanged: () => syncFollowUps(followUpDeps),
});

export default defineBackground(() => {
  sync.register();
  watchScanAccess();
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
    sync.handle(parsed.data).then(sendResponse);
    return true;
  });

  registerFollowUps(followUpDeps);
  // A new token or server means another rep's follow-ups.
  settingsItem.watch(() => void syncFollowUps(followUpDeps));
  // "Capture selection as lead": the page's content script reads the selection and opens the review card.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'capture-selection', title: 'Capture selection as lead', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== 'capture-selection' || tab?.id === undefined) return;
    void browser.tabs.sendMessage(tab.id, { type: 'capture-selection' }, info.frameId !== undefined ? { frameId: info.frameId } : undefined).catch(() => {
      // A page the content script cannot run on (the Web Store, a PDF): nothing to capture there.
    });
  });

  browser.commands.onCommand.addListener((command) => {
    if (command !== 'next-lead') return;
    void runNextLeadCommand({
      pull: () => handleMessage({ type: 'next-lead' }, deps),
      refreshBadge: () => syncFollowUps(followUpDeps),
      setBadgeText: (text) => browser.action.setBadgeText({ text }),
      setTitle: (title) => browser.action.setTitle({ title }),
      openPopup: () => browser.action.openPopup(),
    });
  });
});
