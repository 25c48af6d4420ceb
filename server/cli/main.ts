import { TRPCClientError } from '@trpc/client';

// Each command loads its own modules: `serve` should not carry the DOM and MIME parsers of `extract`.
const USAGE = `usage: leadsync <command>

  serve                                   run the server (PORT, HOST, DATA_DIR, LEADSYNC_ADMIN_TOKEN, LOG_LEVEL)
  start                                   build the extension, then run the server (what npm start does)
  user add --name N --email E --role R    create a user on the running server and print its token
  user set ID_OR_EMAIL [--away [--until DATE]] [--back] [--capacity N] [--weight W] [--territories A,B] [--tags x,y]
                                          a rep's availability, cap, weight, territories and tags (team lead)
  seed                                    create a demo team and 200 synthetic leads on the running server
  enrich load FILE.csv [--merge]          load firmographics (domain, employees, revenue_band, credit_rating,
                                          industry) for scoring; replaces the loaded set unless --merge
  import FILE.csv [--dry-run] [--map "Header=field"] [--rejected OUT.csv]
                                          import HubSpot, Salesforce or plain CSV; progress on stderr
  export [--format leadsync|hubspot] [--status S] [--out FILE.csv]
                                          the leads as CSV; --vcard LEAD_ID for one lead's vCard
  extract FILE… [--url URL] [--region CC] print the contacts in .html, .htm, .eml and .vcf files, one JSON line per file
  scoring rules [--set FILE.json]         print the team's scoring rules, or replace them from a file
  scoring train                           train the scoring model on converted and lost leads now
  scoring model                           what the model was trained on, and the outcomes so far
  routing rules [--set FILE.json]         print the routing rules, or replace them from a file (team lead)
  routing log [--lead ID] [--user ID] [--kind K] [--limit N]
                                          who or what moved leads, and why, newest first

Commands that change data talk to the running server: --server URL --token T,
or LEADSYNC_URL and LEADSYNC_TOKEN.
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return (await import('./serve.ts')).serve();
    case 'start':
      return (await import('./start.ts')).start();
    case 'user':
      if (rest[0] === 'add') return (await import('./user-add.ts')).userAdd(rest.slice(1));
      if (rest[0] === 'set') return (await import('./routing.ts')).userSet(rest.slice(1));
      break;
    case 'seed':
      return (await import('./seed.ts')).seed(rest);
    case 'scoring':
      return (await import('./scoring.ts')).scoringCommand(rest);
    case 'routing':
      return (await import('./routing.ts')).routingCommand(rest);
    case 'enrich':
      if (rest[0] === 'load') return (await import('./enrich-load.ts')).enrichLoad(rest.slice(1));
      break;
    case 'import':
      return (await import('./import.ts')).importCommand(rest);
    case 'export':
      return (await import('./export.ts')).exportCommand(rest);
    case 'extract':
      return (await import('./extract.ts')).extract(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return;
  }
  process.stderr.write(`leadsync: unknown command "${argv.join(' ')}"\n\n${USAGE}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const message =
    err instanceof TRPCClientError ? `the server answered: ${err.message}` : err instanceof Error ? err.message : String(err);
  const cause = err instanceof TRPCClientError && /fetch failed/.test(err.message) ? ' (is the server running? pass --server URL)' : '';
  process.stderr.write(`leadsync: ${message}${cause}\n`);
  process.exit(1);
});
