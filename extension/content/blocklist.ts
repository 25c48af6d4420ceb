import type { Candidate } from '../../shared/capture/types.ts';

/** The rep's never-capture list: whole addresses, and domains (which cover their subdomains). */
export interface Blocklist {
  emails: ReadonlySet<string>;
  domains: readonly string[];
}

export const EMPTY_BLOCKLIST: Blocklist = { emails: new Set(), domains: [] };

/** Parses the options' text: one address or domain per line (or comma-separated); "@acme.com" and "acme.com" are domains. */
export function parseBlocklist(text: string): Blocklist {
  const emails = new Set<string>();
  const domains: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const entry = raw.trim().toLowerCase().replace(/^\*?\./, '');
    if (!entry) continue;
    if (/^[^@]+@[^@]+$/.test(entry)) emails.add(entry);
    else domains.push(entry.replace(/^@/, ''));
  }
  return { emails, domains };
}

const underDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** Whether a page is on the list (nothing on it is scanned). */
export function isPageBlocked(url: string, list: Blocklist): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return list.domains.some((d) => underDomain(host, d));
  } catch {
    return false;
  }
}

/** Whether a contact is on the list: its address, or its email's domain. */
export function isBlocked(c: Pick<Candidate, 'email'>, list: Blocklist): boolean {
  if (!c.email) return false;
  if (list.emails.has(c.email)) return true;
  const domain = c.email.slice(c.email.lastIndexOf('@') + 1);
  return list.domains.some((d) => underDomain(domain, d));
}
