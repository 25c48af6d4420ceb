import type { FormTarget } from '../schemas/forms.ts';
import type { Utm } from '../schemas/lead.ts';
import { joinParts, type ContactParts } from '../contact-parts.ts';

/**
 * The field names of Salesforce's Web-to-Lead forms (and our own), so that an existing form
 * needs only its action URL changed.
 */
export const WEB_TO_LEAD_FIELDS: Readonly<Record<string, FormTarget>> = {
  first_name: 'first_name',
  last_name: 'last_name',
  name: 'name',
  email: 'email',
  phone: 'phone',
  mobile: 'mobile',
  title: 'title',
  company: 'company',
  URL: 'website',
  url: 'website',
  website: 'website',
  street: 'street',
  city: 'city',
  state: 'state',
  zip: 'zip',
  country: 'country',
  address: 'address',
};

/** The hidden field people never fill in and spam bots do. */
export const HONEYPOT_FIELD = 'leadsync_hp';

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

export interface SubmissionContext {
  formName: string;
  /** The Referer header: the page the form was on (browsers often send only its origin). */
  refererHeader?: string | undefined;
  region?: string | undefined;
}

/** A string from a posted value: forms may repeat a field, JSON may send numbers. */
function str(value: unknown): string | undefined {
  if (Array.isArray(value)) return str(value[0]);
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** utm_* from the post itself, else from the query of the page that posted it. */
export function utmOf(body: Record<string, unknown>, referrer: string | undefined): Utm | undefined {
  let params: URLSearchParams | undefined;
  if (referrer && URL.canParse(referrer)) params = new URL(referrer).searchParams;
  const utm: Utm = {};
  for (const key of UTM_KEYS) {
    const value = str(body[`utm_${key}`]) ?? params?.get(`utm_${key}`) ?? undefined;
    if (value) utm[key] = value.slice(0, 200);
  }
  return Object.keys(utm).length > 0 ? utm : undefined;
}

/** A referrer without its query string and fragment, which can carry personal data. */
function cleanReferrer(referrer: string | undefined): string | undefined {
  if (!referrer || !URL.canParse(referrer)) return undefined;
  const url = new URL(referrer);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return `${url.origin}${url.pathname}`.slice(0, 2048);
}

/**
 * A posted form → the raw input of leads.capture (validated afterwards by captureInput).
 * First and last names join into the name, address parts into the address.
 */
export function submissionToCapture(body: Record<string, unknown>, mapping: Readonly<Record<string, FormTarget>>, context: SubmissionContext) {
  const fields: ContactParts = {};
  const table = { ...WEB_TO_LEAD_FIELDS, ...mapping };
  for (const [posted, target] of Object.entries(table)) {
    const value = str(body[posted]);
    if (value !== undefined && fields[target] === undefined) fields[target] = value;
  }
  // The snippet's script posts the page's own URL and document.referrer (the site that sent the
  // visitor), because browsers strip the path and query from cross-site Referer headers.
  const pageRaw = str(body.page_url) ?? context.refererHeader;
  const pageUrl = cleanReferrer(pageRaw);
  const referrer = cleanReferrer(str(body.referrer));
  const utm = utmOf(body, pageRaw);
  return {
    // The contact's own country, when the form asks for it, beats the team's default region.
    ...(context.region ? { region: context.region } : {}),
    ...joinParts(fields),
    source: {
      kind: 'form' as const,
      name: context.formName,
      ...(pageUrl ? { url: pageUrl } : {}),
      ...(referrer ? { referrer } : {}),
      ...(utm ? { utm } : {}),
    },
  };
}

const escapeAttr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A copy-paste HTML form that posts to the form's endpoint, with the honeypot hidden. */
export function formSnippet(serverUrl: string, form: { key: string; name: string }): string {
  const action = `${serverUrl.replace(/\/+$/, '')}/forms/${encodeURIComponent(form.key)}`;
  return [
    `<!-- Leadsync web-to-lead form: ${escapeAttr(form.name).replace(/--/g, '- -')} -->`,
    `<form action="${escapeAttr(action)}" method="POST">`,
    `  <label>First name <input name="first_name" autocomplete="given-name"></label>`,
    `  <label>Last name <input name="last_name" autocomplete="family-name"></label>`,
    `  <label>Email <input name="email" type="email" autocomplete="email" required></label>`,
    `  <label>Phone <input name="phone" type="tel" autocomplete="tel"></label>`,
    `  <label>Company <input name="company" autocomplete="organization"></label>`,
    `  <label>Title <input name="title" autocomplete="organization-title"></label>`,
    `  <!-- Leave this hidden field empty: bots fill it in and their posts are refused. -->`,
    `  <input name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off" style="position:absolute;left:-5000px" aria-hidden="true">`,
    ...UTM_KEYS.map((k) => `  <input type="hidden" name="utm_${k}">`),
    `  <input type="hidden" name="page_url"><input type="hidden" name="referrer">`,
    `  <button type="submit">Send</button>`,
    `</form>`,
    `<script>`,
    `  // Keeps the campaign (utm_*), the landing page and the referring site with the lead.`,
    `  (function (f, q) {`,
    `    f.page_url.value = location.href; f.referrer.value = document.referrer;`,
    `    ${JSON.stringify(UTM_KEYS.map((k) => `utm_${k}`))}.forEach(function (k) { if (q.get(k)) f[k].value = q.get(k); });`,
    `  })(document.currentScript.previousElementSibling, new URLSearchParams(location.search));`,
    `</script>`,
  ].join('\n');
}
