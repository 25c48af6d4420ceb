// `leadsync extract FILE… [--url URL] [--region CC]`: the extension's extractors, run on files.
// HTML is parsed into a real DOM (happy-dom, scripts off); .eml goes through postal-mime and
// the signature parser; .vcf through the vCard parser. One JSON line per file on stdout.
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Window } from 'happy-dom';
import PostalMime from 'postal-mime';
import { blockText } from '../../shared/capture/dom.ts';
import { extractContacts } from '../../shared/capture/extract.ts';
import { foldCandidates } from '../../shared/capture/fold.ts';
import { candidateFromFields, toLeadOut, type LeadOut } from '../../shared/capture/output.ts';
import type { ExtractContext } from '../../shared/capture/types.ts';
import { regionField } from '../../shared/schemas/fields.ts';
import { findSignature, parseSignature } from '../../shared/signature.ts';
import { parseVcards } from '../../shared/vcard.ts';

const USAGE = 'usage: leadsync extract FILE… [--url URL] [--region CC]   (.html, .htm, .eml, .vcf)';

/** Parses HTML without running its scripts or fetching anything it links to. */
async function withDocument<T>(html: string, url: string, use: (doc: Document) => T): Promise<T> {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
  });
  try {
    window.document.write(html);
    return use(window.document as unknown as Document);
  } finally {
    await window.happyDOM.close();
  }
}

export async function extractHtml(html: string, ctx: ExtractContext): Promise<LeadOut[]> {
  return withDocument(html, ctx.url, (doc) => extractContacts(doc, ctx).map(toLeadOut));
}

/** The sender of a message, completed by the signature of its own text (not the quoted history). */
export async function extractEml(raw: Buffer | string, ctx: ExtractContext): Promise<LeadOut[]> {
  const email = await PostalMime.parse(raw);
  const text = email.text ?? (email.html ? await withDocument(email.html, ctx.url, (doc) => blockText(doc.body)) : '');
  const from = email.from;
  const senderName = from && 'address' in from ? from.name : undefined;
  const senderEmail = from && 'address' in from ? from.address : undefined;
  const signature = parseSignature(findSignature(text), { region: ctx.region, ...(senderName ? { senderName } : {}) });
  const c = candidateFromFields('eml', ctx, { ...signature, name: senderName || signature.name, email: senderEmail || signature.email }, 'email', 0.9);
  return c.email || c.phone ? [toLeadOut(c)] : [];
}

export function extractVcf(text: string, ctx: ExtractContext): LeadOut[] {
  const cards = parseVcards(text).map((card) => candidateFromFields('vcard', ctx, card, 'import', 0.95));
  return foldCandidates(cards.filter((c) => c.email || c.phone || c.name)).map(toLeadOut);
}

export async function extractFile(path: string, opts: { url?: string; region: string }): Promise<LeadOut[]> {
  const ctx: ExtractContext = { url: opts.url ?? pathToFileURL(resolve(path)).href, region: opts.region };
  const ext = extname(path).toLowerCase();
  switch (ext) {
    case '.html':
    case '.htm':
      return extractHtml(await readFile(path, 'utf8'), ctx);
    case '.eml':
      return extractEml(await readFile(path), ctx);
    case '.vcf':
      return extractVcf(await readFile(path, 'utf8'), ctx);
    default:
      throw new Error(`cannot read ${ext || 'files without an extension'}: .html, .htm, .eml or .vcf`);
  }
}

export async function extract(args: string[], write = (line: string) => process.stdout.write(line)): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { url: { type: 'string' }, region: { type: 'string' } } });
  if (positionals.length === 0) throw new Error(USAGE);
  const region = regionField.safeParse(values.region ?? process.env.DEFAULT_REGION ?? 'US');
  if (!region.success) throw new Error(`--region ${region.error.issues[0]?.message ?? 'is invalid'}`);
  if (values.url !== undefined && !URL.canParse(values.url)) throw new Error('--url must be an absolute URL');
  for (const file of positionals) {
    try {
      const leads = await extractFile(file, { region: region.data, ...(values.url ? { url: values.url } : {}) });
      write(`${JSON.stringify({ file, leads })}\n`);
    } catch (err) {
      // One unreadable file does not stop the others; the exit code tells a script something failed.
      const message = err instanceof Error ? err.message.replace(/^ENOENT: [^,]*, /, 'no such file: ') : String(err);
      write(`${JSON.stringify({ file, leads: [], error: message })}\n`);
      process.exitCode = 1;
    }
  }
}
