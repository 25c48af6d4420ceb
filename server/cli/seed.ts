import { parseArgs } from 'node:util';
import { TRPCClientError } from '@trpc/client';
import { apiClient, remoteFrom } from './client.ts';
import { DEMO_TEAM, demoLeads } from './demo-data.ts';

/** `leadsync seed`: a demo team and realistic synthetic leads, created through the API. */
export async function seed(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { server: { type: 'string' }, token: { type: 'string' }, leads: { type: 'string', default: '200' } } });
  const remote = remoteFrom(values);
  const api = apiClient(remote);
  process.stdout.write(`Seeding ${remote.server}\n\nDemo team (tokens are shown only once):\n`);
  for (const member of DEMO_TEAM) {
    try {
      const { token } = await api.users.create.mutate({ ...member });
      process.stdout.write(`  ${member.role.padEnd(4)}  ${member.name.padEnd(11)} ${member.email.padEnd(28)} ${token}\n`);
    } catch (err) {
      if (err instanceof TRPCClientError && err.data?.code === 'CONFLICT') process.stdout.write(`  ${member.name}: already exists, kept\n`);
      else throw err;
    }
  }
  const leads = demoLeads(Number(values.leads));
  let created = 0;
  let merged = 0;
  for (let i = 0; i < leads.length; i += 10) {
    const results = await Promise.all(leads.slice(i, i + 10).map((lead) => api.leads.capture.mutate(lead)));
    for (const r of results) r.created ? created++ : merged++;
  }
  process.stdout.write(`\n${created} leads created, ${merged} merged into existing ones.\n`);
}
