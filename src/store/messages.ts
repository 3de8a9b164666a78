// Touching messages, and manual delivery (store layer): each intent is one of the simulator's
// message actions, recorded like any other, so it replays, branches and shares. A release or a
// drop takes effect at the current instant, which is run to its end at once, as a snapshot is. Picking one of
// the next possible events turns the simulator's `choices()` entry into the action or run that
// makes it happen; whether it may happen is the simulator's to say.
import type { Choice } from '../sim';
import type { Kernel } from './kernel';
import { notify } from './kernel';
import type { MessageIntents } from './labTypes';
import { act, actInstantly, advanceTo } from './runtime';
import { selectFrame } from './selectors';

export function messageIntents(k: Kernel): MessageIntents {
  return {
    holdMessage: (id) => act(k, { do: 'hold', message: id }),
    releaseMessage: (id) => actInstantly(k, { do: 'release', message: id }),
    releaseAll: () => actInstantly(k, { do: 'releaseAll' }),
    dropMessage: (id) => actInstantly(k, { do: 'dropMessage', message: id }),
    duplicateMessage: (id) => act(k, { do: 'duplicate', message: id }),
    setManualDelivery: (on) => actInstantly(k, { do: 'manual', on }),
    pickChoice: (choice) => pick(k, choice),
  };
}

/**
 * Makes one listed choice happen: a held message is released (it arrives now); the first timer
 * to come due is reached by letting the clock run to it (every message waits meanwhile); a
 * later election timer fires now by hand. A later heartbeat cannot come before the timers due
 * earlier: that is refused with a notice, as is a choice that is not listed on screen.
 */
function pick(k: Kernel, choice: Choice): Promise<void> {
  const frame = selectFrame(k.get());
  const listed = frame?.choices.find((c) => sameChoice(c, choice));
  if (!frame || !listed) {
    notify(k, 'error', { key: 'app.notice.notAChoice' });
    return Promise.resolve();
  }
  if (listed.kind === 'deliver') {
    return actInstantly(k, { do: 'release', message: listed.message });
  }
  if (listed.earliest) return advanceTo(k, listed.at);
  if (listed.timer === 'election') return act(k, { do: 'timeout', node: listed.node });
  notify(k, 'error', { key: 'app.notice.heartbeatNotFirst', params: { node: listed.node } });
  return Promise.resolve();
}

/** The same choice: the same message, or the same server's timer. */
function sameChoice(a: Choice, b: unknown): boolean {
  if (typeof b !== 'object' || b === null) return false;
  const c = b as Partial<Record<string, unknown>>;
  return a.kind === 'deliver'
    ? c.kind === 'deliver' && c.message === a.message
    : c.kind === 'timer' && c.node === a.node;
}
