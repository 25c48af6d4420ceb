import { parseArgs } from 'node:util';
import { apiClient, remoteFrom } from './client.ts';

/** `leadsync user add --name N --email E --role R [--capacity C]`: prints the new user's token. */
export async function userAdd(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string', default: 'rep' },
      capacity: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
    },
  });
  if (!values.name || !values.email) throw new Error('usage: leadsync user add --name N --email E --role rep|lead|admin [--capacity C]');
  const api = apiClient(remoteFrom(values));
  const { user, token } = await api.users.create.mutate({
    name: values.name,
    email: values.email,
    role: values.role as 'rep' | 'lead' | 'admin',
    ...(values.capacity ? { capacity: Number(values.capacity) } : {}),
  });
  process.stderr.write(`Created ${user.role} ${user.name} <${user.email}> (${user.id}). The token is shown only once:\n`);
  process.stdout.write(`${token}\n`);
}
