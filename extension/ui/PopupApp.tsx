import type { MyLeadsModel } from '../state/my-leads.ts';
import type { PopupModel, Tab } from '../state/popup.ts';
import type { ScanPageModel } from '../state/scan-page.ts';
import type { TeamModel } from '../state/team.ts';
import type { SyncModel } from '../state/sync.ts';
import { SyncPanel } from './SyncPanel.tsx';
import { LeadCard } from './LeadCard.tsx';
import { MyLeads } from './MyLeads.tsx';
import { ScanPage } from './ScanPage.tsx';
import { TeamTab } from './TeamTab.tsx';

export function PopupApp({
  model,
  myLeads,
  team,
  sync,
  scan,
  openOptions,
}: {
  model: PopupModel;
  myLeads: MyLeadsModel;
  team: TeamModel;
  sync?: SyncModel;
  scan?: ScanPageModel;
  openOptions(): void;
}) {
  const me = model.me.value;
  const notice = model.notice.value;
  const lead = model.lead.value;
  const tabs: [Tab, string][] = [
    ['lead', 'Lead'],
    ['leads', 'My leads'],
    ...(model.canSeeTeam.value ? ([['team', 'Team']] as [Tab, string][]) : []),
  ];
  const open = (id: string) => void model.openLead(id);
  return (
    <main>
      <header class="bar">
        <span class="brand">Leadsync</span>
        <span class="who" data-testid="who">
          {me === null ? 'Connecting…' : me.ok ? `${me.data.name} · ${me.data.role} · ${me.data.openLeads} open` : 'Not connected'}
        </span>
        <button type="button" class="link" onClick={openOptions} title="Settings">
          Settings
        </button>
      </header>
      {sync && model.ready.value && <SyncPanel model={sync} staleSince={model.stale.value} />}
      {scan && <ScanPage model={scan} />}
      {model.ready.value && (
        <nav class="tabs" role="tablist">
          {tabs.map(([id, label]) => (
            <button type="button" role="tab" key={id} data-tab={id} aria-selected={model.tab.value === id}
              onClick={() => {
                model.tab.value = id;
                model.notice.value = null;
              }}
            >
              {label}
            </button>
          ))}
        </nav>
      )}
      {notice && (
        <p class={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
          {notice.text}{' '}
          {notice.action === 'options' && (
            <button type="button" class="link" onClick={openOptions}>
              Open settings
            </button>
          )}
        </p>
      )}
      {(model.tab.value === 'lead' || !model.ready.value) && (
        <>
          <button type="button" class="next-lead" data-testid="next-lead" disabled={!model.ready.value || model.pulling.value} onClick={() => void model.nextLead()}>
            {model.pulling.value ? 'Finding your next lead…' : 'Next lead'}
          </button>
          {lead ? <LeadCard lead={lead} model={model} /> : me?.ok && !notice && <p class="empty">Click Next lead to claim the best lead waiting in the queue.</p>}
        </>
      )}
      {model.ready.value && model.tab.value === 'leads' && <MyLeads model={myLeads} open={open} />}
      {model.ready.value && model.tab.value === 'team' && model.canSeeTeam.value && <TeamTab model={team} open={open} />}
    </main>
  );
}
