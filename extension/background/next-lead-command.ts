import type { Lead } from '../../shared/schemas/lead.ts';
import type { Reply } from '../../shared/schemas/messages.ts';

/** What the keyboard command needs from the background and the browser's toolbar button. */
export interface NextLeadCommandDeps {
  pull(): Promise<Reply<{ lead: Lead | null }>>;
  /** After a pull the toolbar badge counts follow-ups again. */
  refreshBadge(): Promise<void>;
  setBadgeText(text: string): Promise<void>;
  setTitle(title: string): Promise<void>;
  /** Rejects where the browser cannot open the popup by itself (older Chrome, Firefox without a user gesture). */
  openPopup(): Promise<void>;
}

/** The toolbar button's title after a pull, for browsers where the popup cannot open itself. */
export function commandTitle(reply: Reply<{ lead: Lead | null }>): string {
  if (!reply.ok) return `Leadsync: ${reply.message}`;
  const lead = reply.data.lead;
  if (!lead) return 'Leadsync: the queue is empty, no lead to pull';
  return `Leadsync: ${lead.name ?? lead.email ?? lead.phone ?? 'your next lead'} is yours, click to see the lead`;
}

/** The "Pull your next lead" keyboard command: claims a lead, then shows it in the popup or says so on the button. */
export async function runNextLeadCommand(deps: NextLeadCommandDeps): Promise<void> {
  const reply = await deps.pull();
  // The badge counts follow-ups due; a failed pull shows "!" until the next sync.
  if (reply.ok) await deps.refreshBadge();
  else await deps.setBadgeText('!');
  await deps.setTitle(commandTitle(reply));
  try {
    await deps.openPopup();
  } catch {
    // The title set above says what happened.
  }
}
