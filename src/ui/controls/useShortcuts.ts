// Keyboard shortcuts (UI layer): ← and → step one event and Space plays or pauses wherever the
// focus is, P turns presentation mode on or off, PageDown / PageUp move between a lesson's steps; KeysHelp lists them all. A key is left alone
// where it means something else:
// - in a text field (typing), a select (choosing) or an open modal dialog (answering it);
// - Space on a checkbox or radio button: it is their only key (a button still has Enter);
// - when a widget already used the key (preventDefault): the cluster's links walk with arrows.
// The panel tabs therefore move with ↑ ↓ Home End instead of ← → (see SidePanel's onKey).
import { useEffect } from 'react';
import type { LabState } from '../../store';
import { useLabStore } from '../labContext';

const TEXT_INPUTS = new Set([
  'text',
  'search',
  'email',
  'number',
  'password',
  'tel',
  'url',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** Where typing or choosing uses the keys: every shortcut is off there. */
export function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

const OWNS_SPACE = 'input[type="checkbox"], input[type="radio"]';
const MODAL = 'dialog, [aria-modal="true"]';

/** The action a key asks for, or null when the key is not a shortcut here. */
export function shortcutFor(e: KeyboardEvent, inLesson = false): ((s: LabState) => void) | null {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return null;
  const target = e.target instanceof Element ? e.target : null;
  if (isTextField(target) || target?.closest(MODAL)) return null;
  if (document.querySelector('dialog:modal')) return null;
  if (e.key === ' ') {
    if (e.repeat || target?.matches(OWNS_SPACE)) return null;
    return (s) => s.togglePlay();
  }
  if (e.key === 'ArrowLeft') return (s) => void s.stepBack();
  if (e.key === 'ArrowRight') return (s) => void s.stepForward();
  if ((e.key === 'p' || e.key === 'P') && !e.repeat) return (s) => s.setPresent(!s.present);
  // A presenter's remote sends PageDown / PageUp: the next and previous step of a lesson.
  // Outside a lesson the keys keep scrolling the page, and on a slider they move it.
  if (target?.matches('input[type="range"]')) return null;
  if (inLesson && e.key === 'PageDown') return (s) => void (e.repeat || s.nextStep());
  if (inLesson && e.key === 'PageUp') return (s) => void (e.repeat || s.previousStep());
  return null;
}

export function useShortcuts(): void {
  const store = useLabStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const run = shortcutFor(e, store.getState().lesson !== null);
      if (!run) return;
      // Also keeps a focused button from being clicked by Space, and a slider from moving.
      e.preventDefault();
      run(store.getState());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
