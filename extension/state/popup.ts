import { computed, signal } from '@preact/signals';
import type { Lead } from '../../shared/schemas/lead.ts';
import type { Reply } from '../../shared/schemas/messages.ts';
import type { Me } from '../background/handlers.ts';
import type { Send } from '../content/scanner.ts';

export type Notice = { tone: 'info' | 'error'; text: string; action?: 'options' };

/** The popup's state: signals in, actions out. */
export function createPopupModel(deps: { send: Send; loadCurrentLead(): Promise<Lead | null> }) {
  const me = signal<Reply<Me> | null>(null);
  const lead = signal<Lead | null>(null);
  const pulling = signal(false);
  const notice = signal<Notice | null>(null);
  const ready = computed(() => me.value?.ok === true);

  const noticeFor = (reply: Extract<Reply<unknown>, { ok: false }>): Notice => ({
    tone: 'error',
    text: reply.message,
    ...(reply.code === 'NOT_CONFIGURED' || reply.code === 'UNAUTHORIZED' ? { action: 'options' as const } : {}),
  });

  async function load(): Promise<void> {
    const [who, current] = await Promise.all([deps.send({ type: 'whoami' }), deps.loadCurrentLead()]);
    me.value = who;
    lead.value = current;
    notice.value = who.ok ? null : noticeFor(who);
  }

  async function nextLead(): Promise<void> {
    if (pulling.value) return;
    pulling.value = true;
    notice.value = null;
    try {
      const reply = await deps.send({ type: 'next-lead' });
      if (!reply.ok) {
        notice.value = noticeFor(reply);
        return;
      }
      if (reply.data.lead) {
        lead.value = reply.data.lead;
        const who = me.value;
        if (who?.ok) me.value = { ok: true, data: { ...who.data, openLeads: who.data.openLeads + 1 } };
      } else {
        notice.value = { tone: 'info', text: 'The queue is empty: every lead has an owner. Capture new ones as you browse.' };
      }
    } finally {
      pulling.value = false;
    }
  }

  return { me, lead, pulling, notice, ready, load, nextLead };
}
export type PopupModel = ReturnType<typeof createPopupModel>;
