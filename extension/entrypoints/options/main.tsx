import { render } from 'preact';
import { browser } from '#imports';
import { createOptionsModel } from '../../state/options.ts';
import { createTeamToolsModel } from '../../state/team-tools.ts';
import { settingsItem } from '../../storage/items.ts';
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
// Saving other settings shows or hides the team tools for the new token's role.
settingsItem.watch(() => void tools.load());
const root = document.getElementById('app');
if (root) render(<OptionsApp model={model} tools={tools} />, root);
void model.load();
void tools.load();
