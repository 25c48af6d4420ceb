import type { PopupModel } from '../state/popup.ts';
import { LeadCard } from './LeadCard.tsx';

export function PopupApp({ model, openOptions }: { model: PopupModel; openOptions(): void }) {
  const me = model.me.value;
  const notice = model.notice.value;
  const lead = model.lead.value;
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
      <button type="button" class="next-lead" data-testid="next-lead" disabled={!model.ready.value || model.pulling.value} onClick={() => void model.nextLead()}>
        {model.pulling.value ? 'Finding your next lead…' : 'Next lead'}
      </button>
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
      {lead ? <LeadCard lead={lead} /> : me?.ok && !notice && <p class="empty">Click Next lead to claim the best lead waiting in the queue.</p>}
    </main>
  );
}
