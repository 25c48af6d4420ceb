import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scoringRules } from '../../shared/schemas/scoring.ts';
import { describeIssues } from '../../shared/schemas/describe.ts';
import { apiClient, remoteFrom } from './client.ts';

const USAGE = 'usage: leadsync scoring rules [--set FILE.json] | leadsync scoring train | leadsync scoring model';

/**
 * `leadsync scoring …` for team leads: print the rules (edit them, then `--set` the file back),
 * train the model now, or show what the model was trained on.
 */
export async function scoringCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { server: { type: 'string' }, token: { type: 'string' }, set: { type: 'string' } } });
  const api = apiClient(remoteFrom(values));
  switch (sub) {
    case 'rules': {
      if (values.set) {
        // Checked here too, so a typo is reported with the file's own field names before anything is sent.
        const parsed = scoringRules.safeParse(JSON.parse(readFileSync(values.set, 'utf8')));
        if (!parsed.success) throw new Error(`${values.set}: ${describeIssues(parsed.error).message}`);
        const { rules, rescored } = await api.scoring.setRules.mutate(parsed.data);
        process.stderr.write(`Rules saved; ${rescored} leads rescored.\n`);
        process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${JSON.stringify(await api.scoring.getRules.query(), null, 2)}\n`);
      return;
    }
    case 'train': {
      const result = await api.scoring.train.mutate({});
      process.stdout.write(`${result.message}${result.trained ? `; ${result.rescored ?? 0} leads rescored` : ''}.\n`);
      if (!result.trained) process.exitCode = 3;
      return;
    }
    case 'model': {
      process.stdout.write(`${JSON.stringify(await api.scoring.model.query(), null, 2)}\n`);
      return;
    }
  }
  throw new Error(USAGE);
}
