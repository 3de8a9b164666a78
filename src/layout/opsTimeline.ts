// Layout layer: a small timeline of client operations (thesis §6.4, the stale-read alarm) — each
// operation a bar from its request to its answer on one time axis, with labelled ticks. d3's
// linear scale does the maths; the UI draws. Horizontal positions are px of the given width;
// the UI sets vertical ones in ems, so the text size setting reaches the drawing.
import { scaleLinear } from 'd3-scale';

export interface Span {
  /** Virtual ms of the request; null when unknown (then only `end` is marked). */
  readonly start: number | null;
  readonly end: number;
}

export interface PlacedSpan {
  readonly x0: number;
  readonly x1: number;
}

export interface OpsTimeline {
  readonly spans: readonly PlacedSpan[];
  readonly ticks: readonly { readonly x: number; readonly ms: number }[];
  /** Where a moment falls (px), for marks such as "acknowledged here". */
  x(ms: number): number;
}

/**
 * Places `spans` on one axis across `width` px, `margin` px kept clear at each end for labels.
 * The domain covers every start and end with a little room, so no bar touches an edge; about
 * `width / tickEvery` ticks, never fewer than two. E.g. [[100, 180], [200, 230]] on 600 px:
 * ticks every 20 ms from 100 to 240.
 */
export function opsTimeline(
  spans: readonly Span[],
  width: number,
  margin = 12,
  tickEvery = 90,
): OpsTimeline {
  const times = spans.flatMap((s) => (s.start === null ? [s.end] : [s.start, s.end]));
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  // A few ms either side, so a zero-length answer (a local read) still shows as a mark.
  const room = Math.max(2, (hi - lo) * 0.06);
  const right = Math.max(margin + 1, width - margin);
  const scale = scaleLinear()
    .domain([Math.max(0, lo - room), hi + room])
    .range([margin, right]);
  const x = (ms: number) => scale(ms);
  const count = Math.max(2, Math.floor((right - margin) / tickEvery));
  return {
    spans: spans.map((s) => ({ x0: x(s.start ?? s.end), x1: x(s.end) })),
    ticks: scale.ticks(count).map((ms) => ({ x: x(ms), ms })),
    x,
  };
}
