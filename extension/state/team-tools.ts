import { computed, signal } from '@preact/signals';
import { toCsv } from '../../shared/csv.ts';
import type { ExportFormat } from '../../shared/export/columns.ts';
import { formSnippet } from '../../shared/forms/web-to-lead.ts';
import { detectFormat, resolveColumns, type ColumnFormat } from '../../shared/import/columns.ts';
import { rejectedColumns, runImport, type ImportTotals } from '../../shared/import/run.ts';
import { importProgress } from '../../shared/import/progress.ts';
import type { Form } from '../../shared/schemas/forms.ts';
import type { ColumnTarget } from '../../shared/schemas/imports.ts';
import type { LeadStatus } from '../../shared/schemas/lead.ts';
import type { Role } from '../../shared/roles.ts';
import { hasRole } from '../../shared/roles.ts';
import type { Settings } from '../storage/items.ts';
import { createApi, toFailure, type Api } from '../sync/api.ts';
import { fileColumns, fileRows } from './csv-file.ts';
import { createLostReasonsModel } from './lost-reasons.ts';

export type Notice = { tone: 'info' | 'ok' | 'error'; text: string } | null;

export interface Download {
  name: string;
  url: string;
}

export interface TeamToolsDeps {
  settings(): Promise<Settings>;
  fetch: typeof fetch;
  /** A blob URL for a download link (URL.createObjectURL in the page). */
  objectUrl(blob: Blob): string;
  randomId(): string;
}

const message = (err: unknown, settings: Settings | undefined) => {
  const failure = toFailure(err, settings?.serverUrl ?? '');
  return failure.ok ? '' : failure.message;
};

/**
 * The options page's tools for team leads and admins: web-to-lead forms with their snippets, CSV
 * import with progress and a report, CSV export. They call the server straight from the page.
 */
export function createTeamToolsModel(deps: TeamToolsDeps) {
  const role = signal<Role | null>(null);
  let settings: Settings | undefined;
  let api: Api | undefined;

  const lostReasons = createLostReasonsModel({ api: () => api, failure: (err) => message(err, settings) });

  // Forms
  const forms = signal<Form[]>([]);
  const formsNotice = signal<Notice>(null);

  // Import
  const file = signal<File | null>(null);
  const columns = signal<string[]>([]);
  const overrides = signal<Record<string, ColumnTarget>>({});
  const format = signal<ColumnFormat>('plain');
  const targets = computed(() => resolveColumns(columns.value, overrides.value));
  const progress = signal(0);
  const totals = signal<ImportTotals | null>(null);
  const importing = signal(false);
  const dryRun = signal(false);
  const finished = signal<{ dryRun: boolean } | null>(null);
  const rejectedFile = signal<Download | null>(null);
  const importNotice = signal<Notice>(null);

  // Export
  const exportFormat = signal<ExportFormat>('leadsync');
  const exportStatus = signal<LeadStatus | ''>('');
  const exporting = signal(false);
  const exportFile = signal<Download | null>(null);
  const exportNotice = signal<Notice>(null);

  async function load(): Promise<void> {
    settings = await deps.settings();
    role.value = null;
    if (!settings.token) return;
    api = createApi(settings, deps.fetch);
    try {
      const me = await api.me.query();
      role.value = me.role;
      if (hasRole(me.role, 'lead')) await Promise.all([loadForms(), lostReasons.load()]);
    } catch {
      // The connection form above reports connection problems; these tools just stay hidden.
      role.value = null;
    }
  }

  async function loadForms(): Promise<void> {
    if (!api) return;
    try {
      forms.value = await api.forms.list.query();
    } catch (err) {
      formsNotice.value = { tone: 'error', text: message(err, settings) };
    }
  }

  async function createForm(input: { name: string; redirectUrl: string; allowedOrigins: string }): Promise<boolean> {
    if (!api) return false;
    try {
      const origins = input.allowedOrigins.split(/[\s,]+/).filter(Boolean);
      const form = await api.forms.create.mutate({
        name: input.name,
        ...(input.redirectUrl.trim() ? { redirectUrl: input.redirectUrl.trim() } : {}),
        ...(origins.length ? { allowedOrigins: origins } : {}),
      });
      forms.value = [...forms.value, form];
      formsNotice.value = { tone: 'ok', text: `Form “${form.name}” created. Paste its snippet into your site.` };
      return true;
    } catch (err) {
      formsNotice.value = { tone: 'error', text: message(err, settings) };
      return false;
    }
  }

  const snippetOf = (form: Form): string => formSnippet(settings?.serverUrl ?? '', form);

  async function chooseFile(chosen: File | null): Promise<void> {
    file.value = chosen;
    totals.value = null;
    finished.value = null;
    rejectedFile.value = null;
    progress.value = 0;
    overrides.value = {};
    importNotice.value = null;
    columns.value = [];
    if (!chosen) return;
    try {
      columns.value = await fileColumns(chosen);
      format.value = detectFormat(columns.value);
    } catch (err) {
      importNotice.value = { tone: 'error', text: `Could not read ${chosen.name}: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  function setTarget(column: string, target: ColumnTarget): void {
    overrides.value = { ...overrides.value, [column]: target };
  }

  /** Streams the chosen file through imports.rows; the rejected rows become a CSV to download. */
  async function startImport(): Promise<void> {
    const chosen = file.value;
    if (!api || !chosen || importing.value) return;
    const cols = columns.value;
    const mapping = overrides.value;
    const isDry = dryRun.value;
    importing.value = true;
    finished.value = null;
    rejectedFile.value = null;
    totals.value = { rows: 0, created: 0, merged: 0, rejected: 0 };
    progress.value = 0;
    importNotice.value = null;
    const rejected: unknown[][] = [];
    const source = fileRows(chosen);
    const iterator = source.rows[Symbol.asyncIterator]();
    const importId = deps.randomId();
    const client = api;
    try {
      await iterator.next(); // the header row
      const result = await runImport({
        rows: { [Symbol.asyncIterator]: () => iterator },
        inFlight: 3,
        send: ({ firstRow, rows }) => client.imports.rows.mutate({ file: chosen.name, importId, columns: cols, mapping, firstRow, rows, dryRun: isDry }),
        onRejected: ({ row, reason, cells }) => rejected.push([...cells, row, reason]),
        onProgress: (t) => {
          totals.value = t;
          progress.value = importProgress(t.rows, source.rowsRead() - 1, source.progress());
        },
      });
      totals.value = result;
      progress.value = 1;
      finished.value = { dryRun: isDry };
      if (rejected.length > 0) {
        const csv = toCsv(rejectedColumns(cols), rejected);
        rejectedFile.value = { name: chosen.name.replace(/(\.csv)?$/i, '.rejected.csv'), url: deps.objectUrl(new Blob([csv], { type: 'text/csv' })) };
      }
    } catch (err) {
      importNotice.value = { tone: 'error', text: `The import stopped after ${totals.value?.rows ?? 0} rows: ${message(err, settings)}` };
    } finally {
      importing.value = false;
    }
  }

  async function startExport(): Promise<void> {
    if (!api || exporting.value) return;
    exporting.value = true;
    exportFile.value = null;
    exportNotice.value = { tone: 'info', text: 'Exporting…' };
    try {
      const parts: string[] = [];
      let cursor: string | undefined;
      let count = 0;
      do {
        const page = await api.exports.leads.query({ format: exportFormat.value, ...(exportStatus.value ? { status: exportStatus.value } : {}), ...(cursor ? { cursor } : {}) });
        parts.push(page.csv);
        count += page.count;
        cursor = page.nextCursor ?? undefined;
        exportNotice.value = { tone: 'info', text: `Exporting… ${count} leads` };
      } while (cursor);
      const day = new Date().toISOString().slice(0, 10);
      exportFile.value = { name: `leadsync-${exportFormat.value}-${day}.csv`, url: deps.objectUrl(new Blob(parts, { type: 'text/csv' })) };
      exportNotice.value = { tone: 'ok', text: `${count} lead${count === 1 ? '' : 's'} exported.` };
    } catch (err) {
      exportNotice.value = { tone: 'error', text: message(err, settings) };
    } finally {
      exporting.value = false;
    }
  }

  return {
    role,
    lostReasons,
    forms,
    formsNotice,
    file,
    columns,
    format,
    targets,
    progress,
    totals,
    importing,
    dryRun,
    finished,
    rejectedFile,
    importNotice,
    exportFormat,
    exportStatus,
    exporting,
    exportFile,
    exportNotice,
    load,
    loadForms,
    createForm,
    snippetOf,
    chooseFile,
    setTarget,
    startImport,
    startExport,
  };
}
export type TeamToolsModel = ReturnType<typeof createTeamToolsModel>;
