import { render } from 'preact';
import { browser } from '#imports';
import { createMyLeadsModel } from '../../state/my-leads.ts';
import { createPopupModel } from '../../state/popup.ts';
import { createTeamModel } from '../../state/team.ts';
import { currentLeadItem } from '../../storage/items.ts';
import { send } from '../../sync/messages.ts';
import { PopupApp } from '../../ui/PopupApp.tsx';

const now = () => new Date();
const model = createPopupModel({ send, loadCurrentLead: () => currentLeadItem.getValue(), now });
const myLeads = createMyLeadsModel({ send, now });
const team = createTeamModel({ send });
const root = document.getElementById('app');
if (root) render(<PopupApp model={model} myLeads={myLeads} team={team} openOptions={() => void browser.runtime.openOptionsPage()} />, root);
void model.load();
