import { render } from 'preact';
import { browser } from '#imports';
import { createPopupModel } from '../../state/popup.ts';
import { currentLeadItem } from '../../storage/items.ts';
import { send } from '../../sync/messages.ts';
import { PopupApp } from '../../ui/PopupApp.tsx';

const model = createPopupModel({ send, loadCurrentLead: () => currentLeadItem.getValue() });
const root = document.getElementById('app');
if (root) render(<PopupApp model={model} openOptions={() => void browser.runtime.openOptionsPage()} />, root);
void model.load();
