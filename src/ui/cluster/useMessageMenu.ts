// Which message's menu is open in the cluster drawing, and what its items do (UI layer): each
// item is one of the store's message intents.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { FlightFrame } from '../../store/frame';
import type { Selection } from '../../store/selection';
import type { MessageAction } from './MessageMenu';
import { useIntents } from '../labContext';

/**
 * Which message's menu is open, and what its items do. Opening one also selects the message; a
 * message that will be lost on the wire is only selected (nothing can be done to it). The menu
 * is drawn in the drawing's stage (the SVG's box), found from this layer's group.
 */
export function useMessageMenu(
  flights: readonly FlightFrame[],
  onSelect: (sel: Selection) => void,
) {
  const lab = useIntents();
  const ref = useRef<SVGGElement>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [stage, setStage] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    setStage(ref.current?.ownerSVGElement?.parentElement ?? null);
  }, []);
  const latest = useRef({ flights, onSelect });
  useLayoutEffect(() => {
    latest.current = { flights, onSelect };
  });
  const activate = useCallback((id: number) => {
    latest.current.onSelect({ kind: 'flight', id });
    const f = latest.current.flights.find((g) => g.id === id);
    setOpen((was) => (was === id || !f || f.lostAt !== null ? null : id));
  }, []);
  const close = (refocus: boolean) => {
    if (refocus && open !== null)
      ref.current?.querySelector<SVGGElement>(`[data-flight="${open}"]`)?.focus();
    setOpen(null);
  };
  const act = (id: number, action: MessageAction) => {
    setOpen(null);
    if (action === 'hold') void lab.holdMessage(id);
    else if (action === 'release') void lab.releaseMessage(id);
    else if (action === 'drop') void lab.dropMessage(id);
    else void lab.duplicateMessage(id);
  };
  return { ref, open, stage, activate, close, act };
}
