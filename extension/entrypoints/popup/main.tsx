import { render } from 'preact';
import { browser } from '#imports';
import { createMyLeadsModel } from '../../state/my-leads.ts';
import { createPopupModel } from '../../state/popup.ts';
import { createScanPageModel } from '../../state/scan-page.ts';
import { SCAN_SCRIPT_FILE } from '../../background/scan-access.ts';
import { readScanReport, SCAN_REPORT_KEY } from '../../content/scan-report.ts';
import { createTeamModel } from '../../state/team.ts';
import { currentLeadItem } from '../../storage/items.ts';
import { createSyncModel } from '../../state/sync.ts';
import { conflictsItem, outboxItem, rejectedItem, syncStateItem } from '../../storage/sync.ts';
import { send } from '../../sync/messages.ts';
import { PopupApp } from '../../ui/PopupApp.tsx';

const now = () => new Date();
const model = createPopupModel({ send, loadCurrentLead: () => currentLeadItem.getValue(), now });
const myLeads = createMyLeadsModel({ send, now });
const team = createTeamModel({ send });
const sync = createSyncModel({ send, afterResolve: async (id) => (model.lead.value?.id === id ? model.reload() : undefined) });
// What waits changes under the popup's eyes as the background replays it.
for (const item of [outboxItem, conflictsItem, rejectedItem, syncStateItem]) item.watch(() => void sync.load());
const scan = createScanPageModel({
  activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
  inject: async (tabId) => void (await browser.scripting.executeScript({ target: { tabId }, files: [SCAN_SCRIPT_FILE] })),
  report: async (tabId) => (await browser.scripting.executeScript({ target: { tabId }, func: readScanReport, args: [SCAN_REPORT_KEY] }))[0]?.result ?? undefined,
});
const root = document.getElementById('app');
if (root) render(<PopupApp model={model} myLeads={myLeads} team={team} sync={sync} scan={scan} openOptions={() => void browser.runtime.openOptionsPage()} />, root);
void model.load();
void sync.open();
