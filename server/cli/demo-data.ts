// Synthetic, clearly fictional demo data: names and companies are invented, domains end in
// .example, and phone numbers sit in ranges reserved for fiction (555-01xx, Ofcom's drama range).

const FIRST = ['Ana', 'Maria', 'James', 'Li', 'Fatima', 'Noah', 'Olivia', 'Lucas', 'Amara', 'Kenji', 'Sofia', 'Ethan', 'Priya', 'Mateo', 'Chloe', 'Omar', 'Elena', 'David', 'Aisha', 'Hugo', 'Ingrid', 'Tomás', 'Yuki', 'Grace'];
const LAST = ['Ruiz', 'Lopez', 'Chen', 'Okafor', 'Schmidt', 'Rossi', 'Nguyen', 'Patel', 'Kowalski', 'Dubois', 'Tanaka', 'Haddad', 'Johansson', 'García', 'Murphy', 'Silva', 'Novak', 'Brennan', 'Moreau', 'Kim'];
const COMPANIES = ['Northwind Traders', 'Bluefin Logistics', 'Cedar Analytics', 'Helios Solar', 'Quarry Robotics', 'Lumen Health', 'Parcel Post Co', 'Orbit Foods', 'Tidewater Bank', 'Granite Systems', 'Maple Learning', 'Vertex Biotech', 'Copperline Media', 'Harbor Insurance', 'Saffron Retail'];
const TITLES = ['CEO', 'CTO', 'VP Sales', 'VP Engineering', 'Head of Operations', 'Director of Marketing', 'Procurement Manager', 'IT Manager', 'Account Executive', 'Software Engineer', 'Office Manager', 'Chief Revenue Officer', 'Sales Lead', 'Data Analyst'];
// Area code → a street address there; each has 100 fictional numbers (555-0100 to 555-0199).
const US_AREAS = [
  ['415', '500 Howard St, San Francisco, CA 94105, US'],
  ['512', '301 Congress Ave, Austin, TX 78701, US'],
  ['212', '350 5th Ave, New York, NY 10118, US'],
  ['617', '1 Federal St, Boston, MA 02110, US'],
  ['312', '233 S Wacker Dr, Chicago, IL 60606, US'],
  ['206', '400 Broad St, Seattle, WA 98109, US'],
  ['303', '1600 Glenarm Pl, Denver, CO 80202, US'],
  ['404', '191 Peachtree St NE, Atlanta, GA 30303, US'],
  ['305', '701 Brickell Ave, Miami, FL 33131, US'],
  ['702', '3799 Las Vegas Blvd S, Las Vegas, NV 89109, US'],
] as const;
const LONDON = '1 Poultry, London EC2R 8EJ, GB';

/** A small deterministic PRNG, so two seeds of an empty server give the same team. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoLead {
  name: string;
  email?: string;
  phone?: string;
  title?: string;
  company: string;
  website: string;
  address?: string;
  source: { kind: 'page' | 'email' | 'form' | 'import' | 'manual'; url?: string };
}

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function demoLeads(count: number, seed = 42): DemoLead[] {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const kinds = ['page', 'email', 'form', 'import', 'manual'] as const;
  const out: DemoLead[] = [];
  for (let i = 0; i < count; i++) {
    // A permutation of the name pairs (37 is prime to their count), so no two leads share a name.
    const pair = (i * 37) % (FIRST.length * LAST.length);
    const first = FIRST[pair % FIRST.length] as string;
    const last = LAST[Math.floor(pair / FIRST.length)] as string;
    const company = pick(COMPANIES);
    const domain = `${slug(company)}.example`;
    const kind = pick(kinds);
    // Numbers follow the index, so they never repeat (up to 1,000 leads).
    const [area, usAddress] = US_AREAS[Math.floor(i / 100) % US_AREAS.length] ?? US_AREAS[0];
    const london = rand() < 0.2;
    const address = london ? LONDON : usAddress;
    const phone = london ? `+44 20 7946 0${String(i % 1000).padStart(3, '0')}` : `+1 ${area} 555 01${String(i % 100).padStart(2, '0')}`;
    out.push({
      name: `${first} ${last}`,
      ...(rand() < 0.92 ? { email: `${slug(first)}.${slug(last)}${i}@${domain}` } : {}),
      ...(rand() < 0.7 || i % 13 === 0 ? { phone } : {}),
      ...(rand() < 0.85 ? { title: pick(TITLES) } : {}),
      company,
      website: `https://${domain}`,
      ...(rand() < 0.5 ? { address } : {}),
      source: kind === 'page' ? { kind, url: `https://${domain}/team` } : { kind },
    });
    const lead = out[i];
    if (lead && !lead.email && !lead.phone) lead.email = `${slug(first)}${i}@${domain}`;
  }
  return out;
}

export const DEMO_TEAM = [
  { name: 'Tess Lead', email: 'tess.lead@leadsync.example', role: 'lead' },
  { name: 'Ravi Rep', email: 'ravi.rep@leadsync.example', role: 'rep' },
  { name: 'Lena Rep', email: 'lena.rep@leadsync.example', role: 'rep' },
  { name: 'Marco Rep', email: 'marco.rep@leadsync.example', role: 'rep' },
] as const;
