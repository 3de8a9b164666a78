// What the space-time diagram shows right now (UI layer): the plot's box from the room it has,
// the time scale (d3-zoom's transform over the base scale, or, while following, the one that
// keeps the present in view), the window's arrows, marks and lane spans from the index, thinned
// to what a redraw can afford, and placed in px. Components only draw what this returns.
import { useEffect, useMemo, useState } from 'react';
import type { RefObject } from 'react';
import type { Arrow } from '../../layout/spaceTime';
import type { DiagramBox } from '../../layout/spaceTimeView';
import {
  BASE_SPAN_MS,
  DEFAULT_SPAN_MS,
  ZOOM_EXTENT,
  anchoredAt,
  baseTimeScale,
  laneHeight,
  laneY,
  bucketArrows,
  thinArrows,
  thinMarks,
} from '../../layout/spaceTimeView';
import { useFrame, useLab } from '../labContext';
import { PlacedCache } from './placedCache';
import { useSpaceTime } from './useSpaceTime';
import { useTimeZoom } from './useTimeZoom';
import type { Room } from '../useRoom';

export type { Room };

/** Most arrows and marks one redraw draws; past them the window is thinned (see thinArrows). */
const ARROW_BUDGET = 1400;
const MARK_BUDGET = 400;
/** While following, the present stands this far across the plot. */
const FOLLOW_AT = 0.9;

export function useDiagramView(svgRef: RefObject<SVGSVGElement | null>, room: Room) {
  const { index, version } = useSpaceTime();
  const frame = useFrame();
  const cursor = useLab((s) => s.cursor);
  const playing = useLab((s) => s.playing);
  const [follow, setFollow] = useState(true);
  const zoom = useTimeZoom(svgRef, ZOOM_EXTENT, BASE_SPAN_MS / DEFAULT_SPAN_MS, () =>
    setFollow(false),
  );
  const lanes = Math.max(index.laneCount, frame?.nodes.length ?? 0, 1);
  const box = useMemo(() => boxFor(room, lanes), [room, lanes]);
  const base = useMemo(() => baseTimeScale(box), [box]);
  const cursorAt = frame?.at ?? 0;

  // Following: the present (the cursor while playing or at the newest frame) near the right
  // edge, or, while the whole history fits, its start at the left edge. Either way the view
  // stays within the history: from its first frame to a little past its newest.
  const k = zoom.transform.k;
  const span = BASE_SPAN_MS / k;
  const anchor = follow && (playing || cursor >= index.headSeq) ? cursorAt : null;
  const shownFrom = base.invert((box.gutter - zoom.transform.x) / k);
  const latest = Math.max(index.firstAt, index.headAt + span * (1 - FOLLOW_AT) - span);
  const from =
    anchor !== null
      ? Math.max(index.firstAt, anchor - span * FOLLOW_AT)
      : Math.min(latest, Math.max(index.firstAt, shownFrom));
  const x = anchoredAt(base, k, from, box.gutter).x;
  const { set } = zoom;
  const drift = Math.abs(x - zoom.transform.x) > 0.5;
  useEffect(() => {
    // d3 keeps its own copy of the transform: a wheel or drag then starts from what is shown.
    if (drift) set(k, x);
  }, [drift, set, k, x]);

  // Arrows and marks are placed once per zoom level in content px (k·base(t)) and drawn in a
  // group translated by x: a pan moves the group and leaves every arrow as it was. The window
  // read from the index snaps to eighths of the span, one beyond each edge, so a pan changes
  // the arrows drawn only when it crosses an eighth.
  const view = useMemo(
    () => base.copy().domain(base.range().map((px) => base.invert((px - x) / k))),
    [base, k, x],
  );
  const content = useMemo(() => base.copy().range(base.range().map((px) => px * k)), [base, k]);
  const [t0, t1] = view.domain() as [number, number];
  const grid = span / 8;
  const q0 = (Math.floor(t0 / grid) - 1) * grid;
  const q1 = (Math.ceil(t1 / grid) + 1) * grid;
  // The index grows in place: its version says when the same window holds more.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const win = useMemo(() => index.window(q0, q1), [index, version, q0, q1]);
  const thinned = useMemo(() => thinArrows(win.arrows, ARROW_BUDGET), [win]);
  const marks = useMemo(() => thinMarks(win.marks, MARK_BUDGET), [win]);
  const y = useMemo(() => (node: number) => laneY(box, node), [box]);
  const [cache] = useState(() => new PlacedCache());
  const buckets = useMemo(
    () => cache.place(bucketArrows(thinned.shown, grid), content, y),
    [cache, thinned, grid, content, y],
  );
  const placed = useMemo(() => buckets.flatMap((b) => b.placed), [buckets]);
  const inView = (a: Arrow) => a.sentAt <= t1 && a.endAt >= t0;
  const total = count(win.arrows, inView);
  return {
    index,
    box,
    view,
    content,
    x,
    y,
    t0,
    t1,
    placed,
    buckets,
    hidden: total - count(thinned.shown, inView),
    total,
    marks,
    lanes: win.lanes,
    cursorAt,
    follow,
    setFollow,
    zoom,
  };
}

function count<T>(list: readonly T[], test: (x: T) => boolean): number {
  let n = 0;
  for (const x of list) if (test(x)) n++;
  return n;
}

export type DiagramView = ReturnType<typeof useDiagramView>;

/** The plot's box: a label column, an axis row, and lanes at least 1.2em high (else it scrolls). */
function boxFor(room: Room, lanes: number): DiagramBox {
  const em = room.em || 14;
  const box = {
    width: Math.max(0, room.width),
    height: Math.max(0, room.height),
    gutter: Math.ceil(em * 2.4),
    axis: Math.ceil(em * 1.6),
    right: Math.ceil(em * 0.6),
    lanes,
  };
  return laneHeight(box) >= em * 1.3
    ? box
    : { ...box, height: Math.ceil(box.axis + 4 + lanes * em * 1.2) };
}
