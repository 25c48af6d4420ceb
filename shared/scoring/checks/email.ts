import disposableDomains from 'disposable-email-domains';

// RFC 5322 "atext" plus the dot, which is checked separately.
const LOCAL_CHARS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]$/;
const LABEL_CHARS = /^[a-z0-9-]$/;

/**
 * Why an address is malformed, or null when it is well-formed. One pass over the characters,
 * so its cost is linear in the length whatever the input (no backtracking regular expression).
 */
export function emailSyntaxProblem(email: string): string | null {
  if (email.length > 254) return 'longer than 254 characters';
  const at = email.indexOf('@');
  if (at < 0) return 'has no @';
  if (email.indexOf('@', at + 1) >= 0) return 'has more than one @';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  if (local.length === 0) return 'has nothing before the @';
  if (local.length > 64) return 'has more than 64 characters before the @';
  if (local.startsWith('.') || local.endsWith('.')) return 'starts or ends its local part with a dot';
  let prev = '';
  for (const c of local) {
    if (!LOCAL_CHARS.test(c)) return `has the character "${c}" before the @`;
    if (c === '.' && prev === '.') return 'has two dots in a row';
    prev = c;
  }
  if (domain.length === 0) return 'has no domain';
  const labels = domain.split('.');
  if (labels.length < 2) return 'has a domain without a dot';
  for (const label of labels) {
    if (label.length === 0) return 'has an empty part in its domain';
    if (label.length > 63) return 'has a domain part longer than 63 characters';
    if (label.startsWith('-') || label.endsWith('-')) return 'has a domain part that starts or ends with a hyphen';
    for (const c of label) if (!LABEL_CHARS.test(c)) return `has the character "${c}" in its domain`;
  }
  const tld = labels[labels.length - 1] ?? '';
  if (tld.length < 2 || /^\d+$/.test(tld)) return 'has no valid top-level domain';
  return null;
}

// Built on first use: the extension's service worker starts often (every alarm, every message)
// and most starts never check an address.
let disposable: ReadonlySet<string> | undefined;

/** A throwaway-mailbox domain (or a subdomain of one), from the maintained disposable-email-domains list. */
export function isDisposableDomain(domain: string): boolean {
  disposable ??= new Set(disposableDomains as string[]);
  const parts = domain.toLowerCase().split('.');
  for (let i = 0; i < parts.length - 1; i++) if (disposable.has(parts.slice(i).join('.'))) return true;
  return false;
}

// Addresses that reach a team inbox, not a person.
const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'info', 'sales', 'contact', 'hello', 'support', 'admin', 'office', 'team', 'marketing', 'help',
  'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'billing', 'jobs', 'careers', 'press', 'enquiries', 'inquiries',
  'webmaster', 'postmaster', 'hr', 'accounts', 'service', 'mail', 'hostmaster', 'abuse', 'security', 'privacy', 'legal', 'media',
]);

/** The role part of a role address (`info`, `no-reply` …), ignoring a `+tag`; undefined for a person's address. */
export function roleOf(email: string): string | undefined {
  const local = email.slice(0, email.lastIndexOf('@')).toLowerCase().split('+')[0] ?? '';
  return ROLE_LOCAL_PARTS.has(local) ? local : undefined;
}
