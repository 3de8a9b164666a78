// Where the page's main thread spends a run, from a Chrome trace of it (`UI_BENCH_TRACE=file`
// with `bench:ui`): milliseconds per second of the run in each kind of work. Which element or
// component caused it is in the trace itself (open the file in the browser's performance panel).

/** The trace categories the summary reads: the timeline the performance panel shows. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Trace event names, grouped as the summary reports them. */
const KINDS = {
  style: ['UpdateLayoutTree', 'RecalculateStyles'],
  layout: ['Layout'],
  prePaint: ['PrePaint'],
  paint: ['Paint', 'PaintImage'],
  layerize: ['Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit'],
  script: ['FunctionCall', 'EvaluateScript', 'V8.Execute', 'FireAnimationFrame', 'TimerFire'],
  gc: ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'BlinkGC.AtomicPhase'],
  hitTest: ['HitTest'],
};

/**
 * `trace` as Chrome writes it ({ traceEvents }); `seconds`, the run's length. The renderer main
 * thread is the busiest CrRendererMain thread in the trace (the page's, not an empty tab's).
 */
export function mainThreadSummary(trace, seconds) {
  const events = trace.traceEvents ?? trace;
  const names = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') {
      names.set(`${e.pid}:${e.tid}`, 0);
    }
  }
  // Top-level tasks give the thread's busy time; nested events are counted once per kind, by
  // their own outermost occurrence (a Layout inside a FunctionCall counts as layout and script).
  const busy = new Map([...names.keys()].map((k) => [k, 0]));
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'RunTask' && busy.has(key)) busy.set(key, busy.get(key) + e.dur);
  }
  const [main] = [...busy.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (main === undefined) return null;
  const open = Object.fromEntries(Object.keys(KINDS).map((k) => [k, []]));
  const totals = Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0]));
  const kindOf = new Map(Object.entries(KINDS).flatMap(([k, list]) => list.map((n) => [n, k])));
  const mine = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && kindOf.has(e.name))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  for (const e of mine) {
    const kind = kindOf.get(e.name);
    const stack = open[kind];
    while (stack.length > 0 && stack[stack.length - 1] <= e.ts) stack.pop();
    if (stack.length === 0) totals[kind] += e.dur;
    stack.push(e.ts + e.dur);
  }
  const perSecond = (us) => +(us / 1000 / seconds).toFixed(1);
  return {
    busyMsPerSecond: perSecond(busy.get(main)),
    ...Object.fromEntries(
      Object.entries(totals).map(([k, us]) => [`${k}MsPerSecond`, perSecond(us)]),
    ),
  };
}
