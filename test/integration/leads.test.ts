import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, listAll, startTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

describe('leads over HTTP', () => {
  let ts: TestServer;
  let rep: TestUser;
  let other: TestUser;
  let teamLead: TestUser;

  beforeAll(async () => {
    ts = await startTestServer();
    rep = await ts.createUser('rep', { name: 'Ana Ruiz' });
    other = await ts.createUser('rep', { name: 'Ravi Rep' });
    teamLead = await ts.createUser('lead', { name: 'Tess Lead' });
  });

  afterAll(async () => {
    await ts?.close();
  });

  describe('capture → get → list', () => {
    it('captures a new lead, normalised, and gets it back with its activities and history', async () => {
      const { lead, created } = await rep.api.leads.capture.mutate({
        name: '  Maria   Lopez ',
        email: 'Maria.Lopez@Acme-Widgets.com',
        phone: '+1 (415) 555-0132',
        title: 'VP Sales',
        company: 'Acme Widgets',
        source: { kind: 'page', url: 'https://acme-widgets.com/team' },
      });
      expect(created).toBe(true);
      expect(lead).toMatchObject({
        name: 'Maria Lopez',
        email: 'maria.lopez@acme-widgets.com',
        phone: '+14155550132',
        title: 'VP Sales',
        company: 'Acme Widgets',
        source: { kind: 'page', url: 'https://acme-widgets.com/team' },
        status: 'new',
        ownerId: null,
        contactBy: null,
        capturedBy: rep.user.id,
        version: 1,
        otherEmails: [],
        otherPhones: [],
      });
      expect(lead.provenance.email).toMatchObject({ kind: 'page', url: 'https://acme-widgets.com/team', confidence: 0.6, by: rep.user.id });
      expect(lead.score.total).toBeGreaterThan(0);
      expect(lead.score.grade).toMatch(/^[ABCD]$/);
      expect(lead.score.reasons.length).toBeGreaterThan(0);
      expect(lead).not.toHaveProperty('seq');

      const detail = await rep.api.leads.get.query({ id: lead.id });
      expect(Object.keys(detail)).toEqual(expect.arrayContaining(['lead', 'activities', 'history']));
      expect(detail.lead).toEqual(lead);
      expect(detail.activities).toEqual([]);
      expect(detail.history).toHaveLength(1);
      expect(detail.history[0]).toMatchObject({ leadId: lead.id, by: rep.user.id, action: 'created' });
      // The first values live on the lead with their provenance; history holds what changed after.
      expect(detail.history[0]).toMatchObject({ changes: [], note: 'captured from page' });
      expect(Object.keys(detail.lead.provenance).sort()).toEqual(['company', 'email', 'name', 'phone', 'title']);

      const list = await rep.api.leads.list.query({ limit: 100 });
      expect(Object.keys(list).sort()).toEqual(['items', 'nextCursor']);
      expect(list.items.map((l) => l.id)).toContain(lead.id);
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      const err = await errorOf(rep.api.leads.get.query({ id: 'ld_nope' }));
      expect(err.code).toBe('NOT_FOUND');
    });

    it('pages through every lead exactly once, newest first', async () => {
      const fresh = await startTestServer();
      try {
        const r = await fresh.createUser('rep');
        const ids: string[] = [];
        for (let i = 0; i < 23; i++) {
          const { lead } = await r.api.leads.capture.mutate({ email: `page${i}@company${i}.example`, source: { kind: 'manual' } });
          ids.push(lead.id);
        }
        const pages: string[][] = [];
        let cursor: string | undefined;
        do {
          const page = await r.api.leads.list.query({ limit: 5, ...(cursor ? { cursor } : {}) });
          pages.push(page.items.map((l) => l.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
        const seen = pages.flat();
        expect(seen).toEqual([...ids].reverse());
        expect(new Set(seen).size).toBe(23);

        // A page size that divides the total leaves no empty trailing page.
        const exact = await listAll(r.api, {}, 23);
        expect(exact.items).toHaveLength(23);
        expect(exact.pages).toBe(1);
      } finally {
        await fresh.close();
      }
    });

    it('rejects a limit outside 1..100', async () => {
      for (const limit of [0, 101]) {
        const err = await errorOf(rep.api.leads.list.query({ limit }));
        expect(err.code).toBe('BAD_REQUEST');
        expect(err.message).toContain('limit');
      }
    });

    it('filters by status and by owner: an id, me and none', async () => {
      const fresh = await startTestServer();
      try {
        const a = await fresh.createUser('rep', { capacity: 10 });
        const b = await fresh.createUser('rep', { capacity: 10 });
        for (let i = 0; i < 6; i++) await a.api.leads.capture.mutate({ email: `f${i}@filter${i}.example`, source: { kind: 'manual' } });
        const claimedByA = (await a.api.queue.next.mutate({})).lead!;
        const claimedByB1 = (await b.api.queue.next.mutate({})).lead!;
        const claimedByB2 = (await b.api.queue.next.mutate({})).lead!;

        const mine = await listAll(a.api, { ownerId: 'me' });
        expect(mine.items.map((l) => l.id)).toEqual([claimedByA.id]);
        const bs = await listAll(a.api, { ownerId: b.user.id });
        expect(bs.items.map((l) => l.id).sort()).toEqual([claimedByB1.id, claimedByB2.id].sort());
        const none = await listAll(a.api, { ownerId: 'none' });
        expect(none.items).toHaveLength(3);
        expect(none.items.every((l) => l.ownerId === null)).toBe(true);

        const assigned = await listAll(a.api, { status: 'assigned' });
        expect(assigned.items.map((l) => l.id).sort()).toEqual([claimedByA.id, claimedByB1.id, claimedByB2.id].sort());
        const fresh_ = await listAll(a.api, { status: 'new' });
        expect(fresh_.items).toHaveLength(3);
        const both = await listAll(b.api, { status: 'assigned', ownerId: 'me' });
        expect(both.items).toHaveLength(2);
        expect(await listAll(a.api, { status: 'lost' })).toEqual({ items: [], pages: 1 });
        // A text search over name, email, phone, company and title, in any case.
        const found = await a.api.leads.list.query({ q: 'FILTER3.example' });
        expect(found.items.map((l) => l.email)).toEqual(['f3@filter3.example']);
        expect((await a.api.leads.list.query({ q: 'nothing-like-this' })).items).toEqual([]);
      } finally {
        await fresh.close();
      }
    });
  });

  describe('dedupe merge', () => {
    it('merges the same email in another case into the same lead and adds the website', async () => {
      const first = await rep.api.leads.capture.mutate({ name: 'Lena Novak', email: 'lena.novak@northwind.example', source: { kind: 'page' } });
      const second = await rep.api.leads.capture.mutate({
        email: 'LENA.NOVAK@Northwind.EXAMPLE',
        website: 'northwind.example',
        title: 'CTO',
        source: { kind: 'email' },
      });
      expect(second.created).toBe(false);
      expect(second.lead.id).toBe(first.lead.id);
      expect(second.lead).toMatchObject({ name: 'Lena Novak', email: 'lena.novak@northwind.example', website: 'https://northwind.example', title: 'CTO' });
      expect(second.lead.version).toBe(2);
      expect(second.lead.provenance.website?.kind).toBe('email');
      const { history } = await rep.api.leads.get.query({ id: first.lead.id });
      expect(history.map((h) => h.action)).toEqual(['created', 'merged']);
      // The email source (0.75) is surer than the page (0.6): it confirms the address too.
      expect(history[1]!.changes).toEqual(
        expect.arrayContaining([
          { field: 'provenance.email', from: 0.6, to: 0.75 },
          { field: 'title', to: 'CTO' },
          { field: 'website', to: 'https://northwind.example' },
        ]),
      );
      // The new title and website raise the score, and the history keeps that too.
      expect(history[1]!.changes.filter((c) => c.field !== 'score')).toHaveLength(3);
      expect(history[1]!.changes).toContainEqual({ field: 'score', from: `${first.lead.score.grade} ${first.lead.score.total}`, to: `${second.lead.score.grade} ${second.lead.score.total}` });
    });

    it('merges the same phone written another way', async () => {
      const first = await rep.api.leads.capture.mutate({ name: 'Kenji Tanaka', phone: '+1 (512) 555-0177', source: { kind: 'page' } });
      const second = await rep.api.leads.capture.mutate({ phone: '512.555.0177', email: 'kenji@helios.example', source: { kind: 'manual' } });
      expect(second.created).toBe(false);
      expect(second.lead.id).toBe(first.lead.id);
      expect(second.lead).toMatchObject({ phone: '+15125550177', email: 'kenji@helios.example', name: 'Kenji Tanaka' });
      // A region turns a national number into the same E.164 number.
      const third = await rep.api.leads.capture.mutate({ phone: '020 7946 0991', region: 'gb', source: { kind: 'manual' } });
      const fourth = await rep.api.leads.capture.mutate({ phone: '+44 20 7946 0991', name: 'Ingrid Johansson', source: { kind: 'manual' } });
      expect(third.lead.phone).toBe('+442079460991');
      expect(fourth).toMatchObject({ created: false, lead: { id: third.lead.id, name: 'Ingrid Johansson' } });
    });

    it('merges by company domain plus name, across spellings', async () => {
      const first = await rep.api.leads.capture.mutate({ name: 'María López', email: 'maria@cedar-analytics.example', source: { kind: 'page' } });
      const second = await rep.api.leads.capture.mutate({
        name: 'maria lopez',
        phone: '+1 212 555 0188',
        website: 'https://www.cedar-analytics.example/about',
        source: { kind: 'page' },
      });
      expect(second.created).toBe(false);
      expect(second.lead.id).toBe(first.lead.id);
      expect(second.lead).toMatchObject({ name: 'María López', phone: '+12125550188', email: 'maria@cedar-analytics.example' });
      // The same name at another company is someone else.
      const elsewhere = await rep.api.leads.capture.mutate({ name: 'María López', email: 'maria@quarry-robotics.example', source: { kind: 'page' } });
      expect(elsewhere.created).toBe(true);
      expect(elsewhere.lead.id).not.toBe(first.lead.id);
    });

    it('keeps the further numbers a capture lists, finds the lead by any of them, and refuses one that is no number', async () => {
      const first = await rep.api.leads.capture.mutate({ name: 'Bodegas Protos', phone: '+34 983 87 80 11', otherPhones: ['659 84 34 63', '+34983878011'], region: 'ES', source: { kind: 'page' } });
      expect(first.lead).toMatchObject({ phone: '+34983878011', otherPhones: ['+34659843463'] });
      // A later capture by the second number alone is the same lead, and brings a third.
      const second = await rep.api.leads.capture.mutate({ phone: '+34 659 843 463', otherPhones: ['+34 983 000 111'], source: { kind: 'page' } });
      expect(second).toMatchObject({ created: false, lead: { id: first.lead.id, phone: '+34983878011', otherPhones: ['+34659843463', '+34983000111'] } });
      const { matches } = await rep.api.leads.lookup.query({ phones: ['+34983000111'] });
      expect(matches).toEqual([expect.objectContaining({ leadId: first.lead.id })]);
      const { history } = await rep.api.leads.get.query({ id: first.lead.id });
      expect(history.flatMap((h) => h.changes)).toContainEqual({ field: 'otherPhones', from: undefined, to: '+34983000111' });
      // Whoever makes one of them the phone does not see it twice.
      const current = (await teamLead.api.leads.get.query({ id: first.lead.id })).lead;
      const edited = await teamLead.api.leads.update.mutate({ id: current.id, version: current.version, patch: { phone: '+34659843463' } });
      expect(edited).toMatchObject({ phone: '+34659843463', otherPhones: ['+34983000111'] });

      const before = await listAll(rep.api);
      const err = await errorOf(rep.api.leads.capture.mutate({ email: 'x@protos.example', otherPhones: ['+34983878011', 'call us'], source: { kind: 'page' } }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toMatch(/otherPhones\.1/);
      const tooMany = await errorOf(rep.api.leads.capture.mutate({ email: 'x@protos.example', otherPhones: Array.from({ length: 5 }, (_, i) => `+3498300010${i}`), source: { kind: 'page' } }));
      expect(tooMany.code).toBe('BAD_REQUEST');
      expect(tooMany.message).toMatch(/otherPhones/);
      expect((await listAll(rep.api)).items).toHaveLength(before.items.length);
    });

    it('keeps a differing email from an equally sure source as an alternate, still found by lookup', async () => {
      const first = await rep.api.leads.capture.mutate({ name: 'Omar Haddad', email: 'omar@tidewater.example', phone: '+1 415 555 0166', source: { kind: 'page' } });
      const second = await rep.api.leads.capture.mutate({ email: 'o.haddad@tidewater.example', phone: '(415) 555-0166', source: { kind: 'page' } });
      expect(second).toMatchObject({ created: false, lead: { id: first.lead.id, email: 'omar@tidewater.example', otherEmails: ['o.haddad@tidewater.example'] } });
      const { matches } = await rep.api.leads.lookup.query({ emails: ['O.Haddad@tidewater.example'] });
      expect(matches).toEqual([expect.objectContaining({ key: 'o.haddad@tidewater.example', leadId: first.lead.id })]);
    });

    it('keeps a surer source’s confirmation of a value it already had', async () => {
      const scraped = await rep.api.leads.capture.mutate({ name: 'Yuki Kim', email: 'yuki@parcel.example', source: { kind: 'page' } });
      expect(scraped.lead.provenance.email).toMatchObject({ kind: 'page', confidence: 0.6 });
      const confirmed = await rep.api.leads.capture.mutate({ email: 'yuki@parcel.example', source: { kind: 'manual' } });
      expect(confirmed.lead.provenance.email).toMatchObject({ kind: 'manual', confidence: 0.9 });
      expect((await rep.api.leads.get.query({ id: scraped.lead.id })).lead.provenance.email).toMatchObject({ kind: 'manual', confidence: 0.9 });
      // A less sure source (an email signature, 0.75) no longer replaces the confirmed address.
      const later = await rep.api.leads.capture.mutate({ name: 'Yuki Kim', email: 'y.kim@parcel.example', website: 'parcel.example', source: { kind: 'email' } });
      expect(later.lead).toMatchObject({ id: scraped.lead.id, email: 'yuki@parcel.example', otherEmails: ['y.kim@parcel.example'] });
    });

    it('creates one lead from 20 concurrent captures of the same person', async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => rep.api.leads.capture.mutate({ email: i % 2 ? 'Same.Time@Race.example' : 'same.time@race.example', source: { kind: 'page' } })),
      );
      expect(answers.filter((a) => a.created)).toHaveLength(1);
      expect(new Set(answers.map((a) => a.lead.id)).size).toBe(1);
    });

    it('does not bump the version when a capture brings nothing new', async () => {
      const first = await rep.api.leads.capture.mutate({ email: 'same@granite.example', source: { kind: 'manual' } });
      const again = await rep.api.leads.capture.mutate({ email: 'same@granite.example', source: { kind: 'page' } });
      expect(again).toMatchObject({ created: false, lead: { id: first.lead.id, version: 1 } });
    });
  });

  describe('idempotent replay', () => {
    it('answers a replay with the first answer and stores one lead', async () => {
      const input = { name: 'Idem Potent', email: 'idem@orbit.example', source: { kind: 'manual' as const }, idempotencyKey: 'idem-key-0001' };
      const a = await rep.api.leads.capture.mutate(input);
      const b = await rep.api.leads.capture.mutate(input);
      const c = await rep.api.leads.capture.mutate({ ...input, title: 'CEO' });
      expect(a.created).toBe(true);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      const { matches } = await rep.api.leads.lookup.query({ emails: ['idem@orbit.example'] });
      expect(matches).toHaveLength(1);
      const { lead, history } = await rep.api.leads.get.query({ id: a.lead.id });
      expect(lead.title).toBeUndefined();
      expect(history).toHaveLength(1);
      // The key belongs to its user: another rep with the same key captures for real.
      const d = await other.api.leads.capture.mutate({ ...input, name: 'Someone Else', email: 'idem2@orbit.example' });
      expect(d.created).toBe(true);
      expect(d.lead.id).not.toBe(a.lead.id);
    });

    it('answers concurrent replays with one lead', async () => {
      const input = { email: 'race@orbit.example', source: { kind: 'manual' as const }, idempotencyKey: 'idem-key-race' };
      const answers = await Promise.all(Array.from({ length: 10 }, () => rep.api.leads.capture.mutate(input)));
      expect(new Set(answers.map((a) => a.lead.id)).size).toBe(1);
      expect(answers.filter((a) => a.created)).toHaveLength(10);
      expect(answers.every((a) => JSON.stringify(a) === JSON.stringify(answers[0]))).toBe(true);
    });
  });

  describe('update', () => {
    it('gives CONFLICT for a stale version and keeps the first change', async () => {
      const { lead } = await rep.api.leads.capture.mutate({ email: 'stale@lumen.example', source: { kind: 'manual' } });
      const updated = await teamLead.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { title: 'CRO' } });
      expect(updated).toMatchObject({ title: 'CRO', version: lead.version + 1 });
      expect(updated.provenance.title).toMatchObject({ kind: 'manual', confidence: 1, by: teamLead.user.id });
      const err = await errorOf(teamLead.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { title: 'CEO' } }));
      expect(err.code).toBe('CONFLICT');
      expect(err.httpStatus).toBe(409);
      expect(err.message).toContain('version');
      const after = await rep.api.leads.get.query({ id: lead.id });
      expect(after.lead).toMatchObject({ title: 'CRO', version: lead.version + 1 });
    });

    it('lets exactly one of two concurrent updates of one version through', async () => {
      const { lead } = await rep.api.leads.capture.mutate({ email: 'two-writers@lumen.example', source: { kind: 'manual' } });
      const results = await Promise.allSettled([
        teamLead.api.leads.update.mutate({ id: lead.id, version: 1, patch: { title: 'First' } }),
        teamLead.api.leads.update.mutate({ id: lead.id, version: 1, patch: { title: 'Second' } }),
      ]);
      const ok = results.filter((r) => r.status === 'fulfilled');
      expect(ok).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected');
      expect(await errorOf(Promise.reject(failed!.reason))).toMatchObject({ code: 'CONFLICT' });
      const winner = (ok[0] as PromiseFulfilledResult<{ title?: string }>).value.title;
      expect((await rep.api.leads.get.query({ id: lead.id })).lead).toMatchObject({ title: winner, version: 2 });
    });

    it('lets a rep update only a lead they own: FORBIDDEN before claiming it, OK after', async () => {
      const fresh = await startTestServer();
      try {
        const r = await fresh.createUser('rep');
        const { lead } = await r.api.leads.capture.mutate({ email: 'owner@harbor.example', source: { kind: 'manual' } });
        const err = await errorOf(r.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { title: 'Buyer' } }));
        expect(err.code).toBe('FORBIDDEN');
        expect(err.httpStatus).toBe(403);
        expect((await r.api.leads.get.query({ id: lead.id })).lead.title).toBeUndefined();

        const { lead: claimed } = await r.api.queue.next.mutate({});
        expect(claimed).toMatchObject({ id: lead.id, ownerId: r.user.id, status: 'assigned' });
        const updated = await r.api.leads.update.mutate({ id: lead.id, version: claimed!.version, patch: { title: 'Buyer', status: 'qualified' } });
        expect(updated).toMatchObject({ title: 'Buyer', status: 'qualified', contactBy: null, version: claimed!.version + 1 });
      } finally {
        await fresh.close();
      }
    });

    it('refuses a status move the pipeline does not allow, with BAD_REQUEST on status', async () => {
      const { lead } = await rep.api.leads.capture.mutate({ email: 'pipeline@maple.example', source: { kind: 'manual' } });
      const err = await errorOf(teamLead.api.leads.update.mutate({ id: lead.id, version: lead.version, patch: { status: 'converted' } }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toContain('status');
      expect((await rep.api.leads.get.query({ id: lead.id })).lead).toMatchObject({ status: 'new', version: 1 });
    });

    it('refuses an email that belongs to another lead with CONFLICT', async () => {
      const a = await rep.api.leads.capture.mutate({ email: 'taken@vertex.example', source: { kind: 'manual' } });
      const b = await rep.api.leads.capture.mutate({ email: 'free@vertex2.example', source: { kind: 'manual' } });
      const err = await errorOf(teamLead.api.leads.update.mutate({ id: b.lead.id, version: 1, patch: { email: 'Taken@Vertex.example' } }));
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toContain(a.lead.id);
    });
  });

  describe('lookup', () => {
    it('finds leads by normalised email and E.164 phone, one match per lead', async () => {
      const a = await rep.api.leads.capture.mutate({ name: 'Look Up', email: 'lookup@saffron.example', phone: '+1 415 555 0101', source: { kind: 'manual' } });
      const b = await rep.api.leads.capture.mutate({ phone: '+44 20 7946 0102', source: { kind: 'manual' } });
      const { matches } = await rep.api.leads.lookup.query({
        emails: ['  LOOKUP@Saffron.example ', 'nobody@nowhere.example'],
        phones: ['(415) 555-0101', '+44 20 7946 0102', 'not a phone'],
      });
      expect(matches).toHaveLength(2);
      expect(matches).toEqual(
        expect.arrayContaining([
          { key: 'lookup@saffron.example', leadId: a.lead.id, score: a.lead.score.total, grade: a.lead.score.grade, status: 'new', statusSince: a.lead.createdAt, reasons: expect.any(Array) },
          { key: '+442079460102', leadId: b.lead.id, score: b.lead.score.total, grade: b.lead.score.grade, status: 'new', statusSince: b.lead.createdAt, reasons: expect.any(Array) },
        ]),
      );
    });

    it('names the owner of an owned lead', async () => {
      const fresh = await startTestServer();
      try {
        const r = await fresh.createUser('rep', { name: 'Owner Name' });
        await r.api.leads.capture.mutate({ email: 'owned@copperline.example', source: { kind: 'manual' } });
        await r.api.queue.next.mutate({});
        const { matches } = await r.api.leads.lookup.query({ emails: ['owned@copperline.example'] });
        expect(matches).toEqual([expect.objectContaining({ key: 'owned@copperline.example', status: 'assigned', ownerName: 'Owner Name' })]);
      } finally {
        await fresh.close();
      }
    });

    it('takes the largest lookup the contract allows over GET: 200 emails of 254 characters and 200 phones', async () => {
      const emails = Array.from({ length: 200 }, (_, i) => `${'a'.repeat(229)}.${String(i).padStart(3, '0')}@long-company.example`);
      expect(emails.every((e) => e.length === 254)).toBe(true);
      emails[0] = 'lookup@saffron.example';
      const phones = Array.from({ length: 200 }, (_, i) => `+1 (415) 555-${String(1000 + i)} ext. 12345`);
      // The tRPC client sends a query as GET, its input in the URL (about 60 kB here).
      const { matches } = await rep.api.leads.lookup.query({ emails, phones });
      expect(matches.map((m) => m.key)).toContain('lookup@saffron.example');
      const url = `${ts.url}/trpc/leads.lookup?input=${encodeURIComponent(JSON.stringify({ emails, phones }))}`;
      expect(url.length).toBeGreaterThan(50_000);
      expect((await fetch(url, { headers: { authorization: `Bearer ${rep.token}` } })).status).toBe(200);
    });

    it('takes 200 emails and 200 phones, and refuses 201', async () => {
      const emails = Array.from({ length: 200 }, (_, i) => `bulk${i}@nowhere.example`);
      const phones = Array.from({ length: 200 }, (_, i) => `+1 415 555 ${String(1000 + i)}`);
      emails[199] = 'lookup@saffron.example';
      const ok = await rep.api.leads.lookup.query({ emails, phones });
      expect(ok.matches.map((m) => m.key)).toContain('lookup@saffron.example');
      const err = await errorOf(rep.api.leads.lookup.query({ emails: [...emails, 'one-more@nowhere.example'] }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toContain('emails');
      const err2 = await errorOf(rep.api.leads.lookup.query({ phones: [...phones, '+1 415 555 9999'] }));
      expect(err2.code).toBe('BAD_REQUEST');
      expect(err2.message).toContain('phones');
    });
  });

  describe('bad input', () => {
    const countAll = async () => (await listAll(rep.api)).items.length;

    it.each([
      ['a bad email', { email: 'not-an-email', source: { kind: 'manual' } }, 'email'],
      ['a bad phone', { phone: '12', source: { kind: 'manual' } }, 'phone'],
      ['a phone with no digits', { phone: 'call me', source: { kind: 'manual' } }, 'phone'],
      ['neither email nor phone', { name: 'Nobody', company: 'Nowhere', source: { kind: 'manual' } }, 'email'],
      ['an empty email and no phone', { email: '', source: { kind: 'manual' } }, 'email'],
      ['a bad website', { email: 'ok@site.example', website: 'ftp://site.example', source: { kind: 'manual' } }, 'website'],
      ['an unknown source kind', { email: 'ok@kind.example', source: { kind: 'scraper' } }, 'source.kind'],
      ['a bad region', { phone: '020 7946 0958', region: 'GBR', source: { kind: 'manual' } }, 'region'],
      ['a confidence above 1', { email: 'ok@conf.example', source: { kind: 'manual' }, provenance: { email: { confidence: 2 } } }, 'provenance.email.confidence'],
    ])('refuses %s with BAD_REQUEST naming the field, and stores nothing', async (_what, input, field) => {
      const before = await countAll();
      const err = await errorOf(rep.api.leads.capture.mutate(input as never));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.httpStatus).toBe(400);
      expect(err.message).toContain(`${field}:`);
      expect(err.fields).toContain(field);
      expect(await countAll()).toBe(before);
    });

    it('refuses a bad email in an update and leaves the lead unchanged', async () => {
      const { lead } = await rep.api.leads.capture.mutate({ email: 'keep@unchanged.example', source: { kind: 'manual' } });
      const err = await errorOf(teamLead.api.leads.update.mutate({ id: lead.id, version: 1, patch: { email: 'nope' } }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toContain('patch.email');
      const err2 = await errorOf(teamLead.api.leads.update.mutate({ id: lead.id, version: 1, patch: { ownerId: rep.user.id } as never }));
      expect(err2.code).toBe('BAD_REQUEST');
      expect((await rep.api.leads.get.query({ id: lead.id })).lead).toEqual(lead);
    });
  });
});
