// Keyboard shortcuts for the time controls (UI layer): Space plays or pauses, ← steps back and
// → steps forward, unless the key belongs to the focused control (a text field, a slider, a button).
import { useEffect } from 'react';
import { useLabStore } from '../labContext';

const OWNS_SPACE = 'input, textarea, select, button, a, summary, [role="button"], [role="tab"]';
const OWNS_ARROWS = 'input, textarea, select, [role="tab"], [role="slider"]';

export function useShortcuts(): void {
  const store = useLabStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      const s = store.getState();
      if (e.key === ' ' && !target?.closest(OWNS_SPACE)) {
        e.preventDefault();
        s.togglePlay();
      } else if (e.key === 'ArrowLeft' && !target?.closest(OWNS_ARROWS)) {
        e.preventDefault();
        void s.stepBack();
      } else if (e.key === 'ArrowRight' && !target?.closest(OWNS_ARROWS)) {
        e.preventDefault();
        void s.stepForward();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
