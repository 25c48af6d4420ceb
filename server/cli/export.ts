import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/export/columns.ts';
import { LEAD_STATUSES, type LeadStatus } from '../../shared/schemas/lead.ts';
import { apiClient, remoteFrom } from './client.ts';

const USAGE = `usage: leadsync export [--format ${EXPORT_FORMATS.join('|')}] [--status S] [--owner ID|me|none] [--q TEXT] [--out FILE.csv]
       leadsync export --vcard LEAD_ID [--out FILE.vcf]`;

/** `leadsync export`: the leads as CSV (stdout or --out), page by page; or one lead's vCard. */
export async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'leadsync' },
      status: { type: 'string' },
      owner: { type: 'string' },
      q: { type: 'string' },
      out: { type: 'string' },
      vcard: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new Error(USAGE);
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new Error(`--format: one of ${EXPORT_FORMATS.join(', ')}\n${USAGE}`);
  const status = values.status as LeadStatus | undefined;
  if (status !== undefined && !LEAD_STATUSES.includes(status)) throw new Error(`--status: one of ${LEAD_STATUSES.join(', ')}`);
  const api = apiClient(remoteFrom(values));
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const write = (text: string) => new Promise<void>((resolve, reject) => out.write(text, (err) => (err ? reject(err) : resolve())));

  let count = 0;
  if (values.vcard) {
    const { vcard } = await api.exports.vcard.query({ id: values.vcard });
    await write(vcard);
    count = 1;
  } else {
    let cursor: string | undefined;
    do {
      const page = await api.exports.leads.query({
        format,
        ...(status ? { status } : {}),
        ...(values.owner ? { ownerId: values.owner } : {}),
        ...(values.q ? { q: values.q } : {}),
        ...(cursor ? { cursor } : {}),
      });
      await write(page.csv);
      count += page.count;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  if (out !== process.stdout) await new Promise<void>((resolve) => out.end(resolve));
  process.stderr.write(`Exported ${count} lead${count === 1 ? '' : 's'}${values.out ? ` to ${values.out}` : ''}.\n`);
}
