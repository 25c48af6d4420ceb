import { useSignal } from '@preact/signals';
import { leadToVcard, vcardFileName } from '../../shared/export/vcard.ts';
import { signedPoints, topReasons } from '../../shared/scoring/explain.ts';
import type { Lead } from '../../shared/schemas/lead.ts';
import { QUALITY_FIELDS } from '../../shared/schemas/scoring.ts';
import type { PopupModel } from '../state/popup.ts';
import { LeadEditor } from './LeadEditor.tsx';
import { LeadTimeline } from './LeadTimeline.tsx';
import { QuickLog } from './QuickLog.tsx';
import { safeHttpUrl } from './safe-url.ts';

const SOURCE_LABEL: Record<string, string> = {
  page: 'web page',
  email: 'email',
  selection: 'selected text',
  form: 'web form',
  import: 'import',
  manual: 'entered by hand',
  api: 'API',
};

const OPEN = new Set(['assigned', 'contacted', 'qualified']);

/** One lead: who, how to reach them, the score and why, what was done, and every change. */
export function LeadCard({ lead, model }: { lead: Lead; model: PopupModel }) {
  const editing = useSignal(false);
  const source = safeHttpUrl(lead.source.url);
  const { up, down } = topReasons(lead.score, 4);
  const checks = lead.score.checks ?? {};
  const prediction = lead.score.prediction;
  const me = model.me.value?.ok ? model.me.value.data : null;
  const mine = me !== null && (lead.ownerId === me.id || me.role !== 'rep');
  const nameOf = (id: string) => (id === me?.id ? 'You' : id === 'system' ? 'Leadsync' : (model.people.value[id] ?? 'A teammate'));
  // Reaching out from the card is logged as it happens: the rep need not log it again by hand.
  const reachOut = (type: 'call' | 'email') => void model.logInTurn({ type, note: type === 'call' ? 'Dialed from the lead card' : 'Email opened from the lead card' });

  return (
    <article class="lead-card" data-lead-id={lead.id} data-version={lead.version}>
      <header>
        <div>
          <h2 class="lead-name">{lead.name ?? lead.email ?? lead.phone}</h2>
          {(lead.title || lead.company) && (
            <p class="lead-role">
              {lead.title}
              {lead.title && lead.company ? ' · ' : ''}
              {lead.company}
            </p>
          )}
          <p class="lead-status" data-testid="lead-status">
            <span class={`pill status-${lead.status}`}>{lead.status}</span>
            {lead.status === 'lost' && lead.lostReason ? ` · ${lead.lostReason}` : ''}
            {model.ownerName.value ? ` · ${model.ownerName.value}` : ''}
          </p>
        </div>
        <div class={`score grade-${lead.score.grade.toLowerCase()}`} title={`Score ${lead.score.total} of 100`}>
          <span class="grade">{lead.score.grade}</span>
          <span class="points">{lead.score.total}</span>
        </div>
      </header>
      {editing.value ? (
        <LeadEditor lead={lead} model={model} onDone={() => (editing.value = false)} />
      ) : (
        <>
          <ul class="contact">
            {lead.email && (
              <li>
                <a class="lead-email" href={`mailto:${lead.email}`} onClick={() => mine && reachOut('email')}>
                  {lead.email}
                </a>
              </li>
            )}
            {lead.phone && (
              <li>
                <a class="lead-phone" href={`tel:${lead.phone}`} onClick={() => mine && reachOut('call')}>
                  {lead.phone}
                </a>
              </li>
            )}
            {lead.otherPhones.map((phone) => (
              <li key={phone}>
                <a class="lead-other-phone" href={`tel:${phone}`} onClick={() => mine && reachOut('call')}>
                  {phone}
                </a>{' '}
                <span class="muted">also</span>
              </li>
            ))}
            {lead.website && safeHttpUrl(lead.website) && (
              <li>
                <a href={safeHttpUrl(lead.website)} target="_blank" rel="noopener noreferrer">
                  {lead.website.replace(/^https?:\/\//, '')}
                </a>
              </li>
            )}
            {lead.address && <li class="muted">{lead.address}</li>}
          </ul>
          {mine && (
            <button type="button" class="link edit" data-testid="edit-lead" onClick={() => (editing.value = true)}>
              Edit
            </button>
          )}
        </>
      )}
      {lead.contactBy && <p class="deadline">Contact by {new Date(lead.contactBy).toLocaleString()}</p>}
      {mine && OPEN.has(lead.status) && !editing.value && <QuickLog model={model} />}
      <details class="reasons-box" open>
        <summary>
          Why {lead.score.total}: quality {lead.score.quality}, fit {lead.score.fit}, engagement {lead.score.engagement}
        </summary>
        <ul class="reasons" aria-label="Why this score">
          {[...up, ...down].map((r) => (
            <li key={r.label} class={r.points < 0 ? 'down' : 'up'}>
              <span class="label">{r.label}</span>
              <span class={r.points < 0 ? 'pts neg' : 'pts'}>{signedPoints(r.points)}</span>
            </li>
          ))}
        </ul>
        <ul class="checks" aria-label="Contact data checks">
          {QUALITY_FIELDS.map((field) => {
            const check = checks[field];
            const status = check?.status ?? 'unknown';
            return (
              <li key={field} class={`check ${status}`} data-field={field} title={check?.label ?? 'Not given'}>
                {field} <b>{status}</b>
              </li>
            );
          })}
        </ul>
        {prediction && (
          <p class="prediction" data-status={prediction.status}>
            {prediction.status === 'ready' ? `Model: ${Math.round(prediction.probability * 100)}% likely to convert` : prediction.message}
          </p>
        )}
      </details>
      <LeadTimeline activities={model.activities.value} history={model.history.value} nameOf={nameOf} />
      <p class="source">
        From {SOURCE_LABEL[lead.source.kind] ?? lead.source.kind}
        {lead.source.name && ` “${lead.source.name}”`}
        {lead.source.utm?.campaign && ` · campaign ${lead.source.utm.campaign}`}
        {source && (
          <>
            {': '}
            <a class="lead-source" href={source} target="_blank" rel="noopener noreferrer">
              {new URL(source).hostname}
            </a>
          </>
        )}
      </p>
      <a class="lead-vcard" download={vcardFileName(lead)} href={`data:text/vcard;charset=utf-8,${encodeURIComponent(leadToVcard(lead, new Date()))}`}>
        Save contact (.vcf)
      </a>
    </article>
  );
}
