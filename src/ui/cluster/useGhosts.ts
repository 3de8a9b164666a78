// Lost messages kept on screen after the frame has let them go (UI layer): a message that died
// on the wire stops where it died and shows a fading burst for as long as it had been meant to
// travel. A jump of the cursor can pass over the frame where it was still on the wire (an
// action runs its instant to the end: a message dropped by hand is gone in the next frame
// shown), so the frames passed over are read too — the loss comes from them as data.
import { useState } from 'react';
import type { FlightFrame } from '../../store/frame';
import { frameAt } from '../../store';
import { useLab, useLabStore } from '../labContext';

/** How long (virtual ms) a burst stays: as long as the message had been meant to travel. */
export const burstSpan = (f: FlightFrame) => Math.max(8, f.arriveAt - f.sentAt);

/** At most this many frames passed over in one jump are read (a jump is rarely more than a few). */
const PASSED_MAX = 32;

/** The lost messages to keep drawing: those that left since the last frame and still fade. */
export function useGhosts(flights: readonly FlightFrame[], viewTime: number): FlightFrame[] {
  const store = useLabStore();
  const cursor = useLab((s) => s.cursor);
  const [seen, setSeen] = useState({ flights, cursor });
  const [ghosts, setGhosts] = useState<FlightFrame[]>([]);
  if (seen.flights !== flights) {
    // Adjusting state while rendering (React's pattern for "remember the previous prop").
    const live = new Set(flights.map((f) => f.id));
    const lost = [...seen.flights];
    const passed = cursor - seen.cursor - 1;
    if (passed > 0 && passed <= PASSED_MAX) {
      const history = store.getState();
      for (let seq = seen.cursor + 1; seq < cursor; seq++)
        lost.push(...(frameAt(history, seq)?.flights ?? []));
    }
    const gone = lost.filter((f) => f.lostAt !== null && !live.has(f.id));
    const keep = ghosts.filter(
      (g) => !live.has(g.id) && viewTime < g.lostAt! + burstSpan(g) && viewTime >= g.sentAt,
    );
    const next = [...keep];
    for (const g of gone) if (!next.some((k) => k.id === g.id)) next.push(g);
    setSeen({ flights, cursor });
    setGhosts(next);
  }
  return ghosts;
}
