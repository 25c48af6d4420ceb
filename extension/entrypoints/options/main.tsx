import { render } from 'preact';
import { browser } from '#imports';
import { ALL_SITES } from '../../background/scan-access.ts';
import { createOptionsModel } from '../../state/options.ts';
import { createPrivacyModel } from '../../state/privacy.ts';
import { createTeamToolsModel } from '../../state/team-tools.ts';
import { neverCaptureItem, settingsItem } from '../../storage/items.ts';
import { send } from '../../sync/messages.ts';
import { OptionsApp } from '../../ui/OptionsApp.tsx';

const model = createOptionsModel({
  send,
  load: () => settingsItem.getValue(),
  save: (s) => settingsItem.setValue(s),
  requestOrigin: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
});
const tools = createTeamToolsModel({
  settings: () => settingsItem.getValue(),
  fetch: (input, init) => fetch(input, init),
  objectUrl: (blob) => URL.createObjectURL(blob),
  randomId: () => crypto.randomUUID(),
});
const allSites = { origins: [...ALL_SITES] };
const privacy = createPrivacyModel({
  hasAllSites: () => browser.permissions.contains(allSites),
  requestAllSites: () => browser.permissions.request(allSites),
  removeAllSites: () => browser.permissions.remove(allSites),
  loadNeverCapture: () => neverCaptureItem.getValue(),
  saveNeverCapture: (text) => neverCaptureItem.setValue(text),
});
// Access granted or revoked anywhere (here, or in Chrome's site settings) shows in the box.
browser.permissions.onAdded.addListener(() => void privacy.refresh());
browser.permissions.onRemoved.addListener(() => void privacy.refresh());
// Saving other settings shows or hides the team tools for the new token's role.
settingsItem.watch(() => void tools.load());
const root = document.getElementById('app');
if (root) render(<OptionsApp model={model} tools={tools} privacy={privacy} />, root);
void model.load();
void tools.load();
void privacy.load();
