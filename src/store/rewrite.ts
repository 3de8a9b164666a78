// Acting in the past, asked first (store layer). Before an action in the past starts a new
// branch, a screen that can answer is asked first. The run left stays a branch (runtime.ts's
// rewind); undo switches back to it (branches.ts), at once while its cluster is kept running.
import type { LabAction } from './actions';
import { selectDiscards } from './history';
import type { Kernel } from './kernel';
import type { RuntimeIntents } from './labTypes';

/** Local-storage key: 'no' once the person ticked "don't ask again". */
export const ASK_KEY = 'raft-lab.askBeforeRewrite';

/** Stops the branch kept running off screen, if any: undo is no longer offered. */
export function forgetSaved(k: Kernel): void {
  k.res.saved?.runtime.dispose?.();
  k.res.saved = null;
  if (k.get().undoable) k.set({ undoable: null });
}

/** The intents that ask before acting in the past; `act` does an action. */
export function rewriteIntents(
  k: Kernel,
  act: (action: LabAction) => Promise<void>,
): Pick<RuntimeIntents, 'askBeforeRewriting' | 'confirmRewrite' | 'cancelRewrite' | 'dismissUndo'> {
  const settle = () => {
    const answered = k.res.answered;
    k.res.answered = null;
    answered?.();
  };
  return {
    askBeforeRewriting() {
      k.res.askers++;
      let attached = true;
      return () => {
        if (attached) k.res.askers--;
        attached = false;
      };
    },
    async confirmRewrite(options) {
      const question = k.get().rewrite;
      if (!question) return;
      if (options?.dontAskAgain === true) k.persistence.save(ASK_KEY, 'no');
      k.set({ rewrite: null });
      try {
        await act(question.action);
      } finally {
        settle();
      }
    },
    cancelRewrite() {
      if (!k.get().rewrite) return;
      k.set({ rewrite: null });
      settle();
    },
    dismissUndo: () => forgetSaved(k),
  };
}

/**
 * Whether `action` must wait for the person's answer: someone can answer, they did not say
 * "don't ask again", and acting at the cursor would discard events. Then it asks (one question
 * at a time: an action while one is open is dropped) and resolves once answered.
 */
export function askFirst(k: Kernel, action: LabAction, pauseNow: () => void): Promise<void> | null {
  if (k.res.askers === 0 || k.persistence.load(ASK_KEY) === 'no') return null;
  const s = k.get();
  if (s.rewrite) return Promise.resolve();
  const discards = selectDiscards(s);
  if (discards === 0) return null;
  pauseNow();
  return new Promise((resolve) => {
    k.res.answered = resolve;
    k.set({ rewrite: { action, from: s.cursor, discards } });
  });
}
