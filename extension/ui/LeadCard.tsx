import { leadToVcard, vcardFileName } from '../../shared/export/vcard.ts';
import type { Lead } from '../../shared/schemas/lead.ts';
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

/** One lead: who, how to reach them, the score and why, and where it came from. */
export function LeadCard({ lead }: { lead: Lead }) {
  const source = safeHttpUrl(lead.source.url);
  const reasons = [...lead.score.reasons].sort((a, b) => b.points - a.points).slice(0, 4);
  return (
    <article class="lead-card" data-lead-id={lead.id}>
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
        </div>
        <div class={`score grade-${lead.score.grade.toLowerCase()}`} title={`Score ${lead.score.total} of 100`}>
          <span class="grade">{lead.score.grade}</span>
          <span class="points">{lead.score.total}</span>
        </div>
      </header>
      <ul class="contact">
        {lead.email && (
          <li>
            <a class="lead-email" href={`mailto:${lead.email}`}>{lead.email}</a>
          </li>
        )}
        {lead.phone && (
          <li>
            <a class="lead-phone" href={`tel:${lead.phone}`}>{lead.phone}</a>
          </li>
        )}
        {lead.website && safeHttpUrl(lead.website) && (
          <li>
            <a href={safeHttpUrl(lead.website)} target="_blank" rel="noopener noreferrer">{lead.website.replace(/^https?:\/\//, '')}</a>
          </li>
        )}
      </ul>
      {lead.contactBy && <p class="deadline">Contact by {new Date(lead.contactBy).toLocaleString()}</p>}
      <ul class="reasons" aria-label="Why this score">
        {reasons.map((r) => (
          <li key={r.label}>
            <span>{r.label}</span>
            <span class="pts">+{r.points}</span>
          </li>
        ))}
      </ul>
      <p class="source">
        From {SOURCE_LABEL[lead.source.kind] ?? lead.source.kind}
        {lead.source.name && ` “${lead.source.name}”`}
        {lead.source.utm?.campaign && ` · campaign ${lead.source.utm.campaign}`}
        {source && (
          <>
            {': '}
            <a class="lead-source" href={source} target="_blank" rel="noopener noreferrer">{new URL(source).hostname}</a>
          </>
        )}
      </p>
      <a class="lead-vcard" download={vcardFileName(lead)} href={`data:text/vcard;charset=utf-8,${encodeURIComponent(leadToVcard(lead, new Date()))}`}>
        Save contact (.vcf)
      </a>
    </article>
  );
}
