import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/export/columns.ts';
import { CONTACT_PARTS } from '../../shared/schemas/contact-parts.ts';
import type { ColumnTarget } from '../../shared/schemas/imports.ts';
import { LEAD_STATUSES, type LeadStatus } from '../../shared/schemas/lead.ts';
import { hasRole } from '../../shared/roles.ts';
import type { Notice, TeamToolsModel } from '../state/team-tools.ts';
import { LostReasonsSection } from './LostReasonsSection.tsx';

const TARGETS: readonly ColumnTarget[] = ['ignore', ...CONTACT_PARTS, 'status', 'lost_reason'];
const SPECIAL: Partial<Record<ColumnTarget, string>> = { ignore: '— skip —', status: 'lead status (closed ones kept)', lost_reason: 'reason lost' };
const targetLabel = (t: ColumnTarget): string => SPECIAL[t] ?? t.replace('_', ' ');
const FORMAT_LABEL = { hubspot: 'HubSpot export', salesforce: 'Salesforce export', plain: 'plain columns' } as const;

function NoticeLine({ notice, testId }: { notice: Notice; testId: string }) {
  if (!notice) return null;
  return (
    <p class={`status ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {notice.text}
    </p>
  );
}

function FormsSection({ model }: { model: TeamToolsModel }) {
  const [name, setName] = useState('');
  const [redirectUrl, setRedirectUrl] = useState('');
  const [origins, setOrigins] = useState('');
  const isAdmin = model.role.value === 'admin';
  return (
    <section class="tools" data-testid="forms-section">
      <h2>Web-to-lead forms</h2>
      <p class="hint">Paste a form's snippet into your site, or point an existing Salesforce Web-to-Lead form's action at its URL.</p>
      {model.forms.value.length === 0 && <p class="empty">No forms yet.</p>}
      {model.forms.value.map((form) => (
        <details key={form.key} class="form-item" data-form-key={form.key}>
          <summary>
            {form.name} <span class="muted">· {form.submissions} submission{form.submissions === 1 ? '' : 's'}</span>
          </summary>
          <textarea readOnly rows={12} class="snippet" value={model.snippetOf(form)} />
          <button type="button" onClick={() => void navigator.clipboard.writeText(model.snippetOf(form))}>
            Copy HTML
          </button>
        </details>
      ))}
      {isAdmin && (
        <form
          class="new-form"
          onSubmit={(e) => {
            e.preventDefault();
            void model.createForm({ name, redirectUrl, allowedOrigins: origins }).then((ok) => {
              if (ok) {
                setName('');
                setRedirectUrl('');
                setOrigins('');
              }
            });
          }}
        >
          <label>
            New form name
            <input name="formName" required value={name} onInput={(e) => setName(e.currentTarget.value)} placeholder="Demo request" />
          </label>
          <label>
            Thank-you page (optional)
            <input name="formRedirect" type="url" value={redirectUrl} onInput={(e) => setRedirectUrl(e.currentTarget.value)} placeholder="https://www.example.com/thanks" />
          </label>
          <label>
            Sites allowed to post it (optional, space separated)
            <input name="formOrigins" value={origins} onInput={(e) => setOrigins(e.currentTarget.value)} placeholder="https://www.example.com" />
          </label>
          <div class="actions">
            <button type="submit">Create form</button>
          </div>
        </form>
      )}
      <NoticeLine notice={model.formsNotice.value} testId="forms-notice" />
    </section>
  );
}

function ImportSection({ model }: { model: TeamToolsModel }) {
  const totals = model.totals.value;
  const done = model.finished.value;
  const busy = model.importing.value;
  return (
    <section class="tools" data-testid="import-section">
      <h2>Import leads from CSV</h2>
      <p class="hint">HubSpot and Salesforce exports are recognised as they are; check the columns before you import. Duplicates merge into existing leads.</p>
      <input type="file" name="csv" accept=".csv,text/csv" disabled={busy} onChange={(e) => void model.chooseFile(e.currentTarget.files?.[0] ?? null)} />
      {model.columns.value.length > 0 && (
        <>
          <p class="muted" data-testid="import-format">
            {model.file.value?.name}: {FORMAT_LABEL[model.format.value]}
          </p>
          <table class="mapping">
            <thead>
              <tr>
                <th>Column</th>
                <th>Imported as</th>
              </tr>
            </thead>
            <tbody>
              {model.columns.value.map((column, i) => (
                <tr key={`${i}:${column}`}>
                  <td>{column}</td>
                  <td>
                    <select disabled={busy} value={model.targets.value[i]} onChange={(e) => model.setTarget(column, e.currentTarget.value as ColumnTarget)}>
                      {TARGETS.map((t) => (
                        <option key={t} value={t}>
                          {targetLabel(t)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label class="inline">
            <input type="checkbox" checked={model.dryRun.value} disabled={busy} onChange={(e) => (model.dryRun.value = e.currentTarget.checked)} /> Dry run: report what would happen, store nothing
          </label>
          <div class="actions">
            <button type="button" data-testid="start-import" disabled={busy} onClick={() => void model.startImport()}>
              {model.dryRun.value ? 'Check file' : 'Import'}
            </button>
          </div>
        </>
      )}
      {totals && (
        <div class="import-progress">
          <progress data-testid="import-progress" max={1} value={model.progress.value} />
          <p data-testid="import-report" data-done={done ? 'true' : 'false'}>
            {done?.dryRun ? 'Dry run, nothing stored: ' : done ? 'Done: ' : `${Math.round(model.progress.value * 100)}% · `}
            <span data-count="rows">{totals.rows}</span> rows · <span data-count="created">{totals.created}</span> created ·{' '}
            <span data-count="merged">{totals.merged}</span> merged · <span data-count="rejected">{totals.rejected}</span> rejected
          </p>
        </div>
      )}
      {model.rejectedFile.value && (
        <a class="download" data-testid="rejected-download" href={model.rejectedFile.value.url} download={model.rejectedFile.value.name}>
          Download the rejected rows, with reasons
        </a>
      )}
      <NoticeLine notice={model.importNotice.value} testId="import-notice" />
    </section>
  );
}

function ExportSection({ model }: { model: TeamToolsModel }) {
  return (
    <section class="tools" data-testid="export-section">
      <h2>Export leads</h2>
      <div class="row">
        <label>
          Columns
          <select value={model.exportFormat.value} onChange={(e) => (model.exportFormat.value = e.currentTarget.value as ExportFormat)}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === 'hubspot' ? 'HubSpot' : 'Leadsync'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={model.exportStatus.value} onChange={(e) => (model.exportStatus.value = e.currentTarget.value as LeadStatus | '')}>
            <option value="">all</option>
            {LEAD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="actions">
        <button type="button" data-testid="start-export" disabled={model.exporting.value} onClick={() => void model.startExport()}>
          Export CSV
        </button>
        {model.exportFile.value && (
          <a class="download" data-testid="export-download" href={model.exportFile.value.url} download={model.exportFile.value.name}>
            Save {model.exportFile.value.name}
          </a>
        )}
      </div>
      <NoticeLine notice={model.exportNotice.value} testId="export-notice" />
    </section>
  );
}

/** Sections for team leads and admins; reps never see them. */
export function TeamTools({ model }: { model: TeamToolsModel }) {
  const role = model.role.value;
  if (!role || !hasRole(role, 'lead')) return null;
  return (
    <>
      <FormsSection model={model} />
      <ImportSection model={model} />
      <ExportSection model={model} />
      <LostReasonsSection model={model.lostReasons} />
    </>
  );
}
