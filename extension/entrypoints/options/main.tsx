import { render } from 'preact';
import { browser } from '#imports';
import { createOptionsModel } from '../../state/options.ts';
import { settingsItem } from '../../storage/items.ts';
import { send } from '../../sync/messages.ts';
import { OptionsApp } from '../../ui/OptionsApp.tsx';

const model = createOptionsModel({
  send,
  load: () => settingsItem.getValue(),
  save: (s) => settingsItem.setValue(s),
  requestOrigin: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
});
const root = document.getElementById('app');
if (root) render(<OptionsApp model={model} />, root);
void model.load();
