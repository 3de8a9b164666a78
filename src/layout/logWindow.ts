// Layout layer: which log indexes the log strip shows and how wide its columns are. Long logs
// window to the newest entries; markers (commit, nextIndex, matchIndex) left of the window are
// reported as hidden, not lost. Widths are in ems of the strip's text, so the text size setting
// and presentation mode widen the columns with the letters.

export interface LogWindow {
  /** First and last index shown (1-based, inclusive); first > last when there is nothing. */
  readonly first: number;
  readonly last: number;
  /** How many older indexes are hidden to the left. */
  readonly hidden: number;
}

export const LOG_COLUMNS = 24;

/** E.g. logWindow(30) → indexes 7…30 with 6 hidden; logWindow(5) → 1…5 with 0 hidden. */
export function logWindow(longest: number, columns = LOG_COLUMNS): LogWindow {
  const last = Math.max(0, longest);
  const first = Math.max(1, last - columns + 1);
  return { first, last, hidden: first - 1 };
}

/** Where a marker at `index` goes: inside the window, or clamped to an edge. */
export function markerPlace(
  index: number,
  w: LogWindow,
): { kind: 'inside'; index: number } | { kind: 'before' } | { kind: 'after' } | { kind: 'none' } {
  if (index <= 0) return { kind: 'none' };
  if (index < w.first) return { kind: 'before' };
  if (index > w.last) return { kind: 'after' };
  return { kind: 'inside', index };
}

/**
 * Cell widths the strip tries, widest first (ems): the widest holds a command such as
 * "set greeting=hello" whole, the narrowest still shows the term and a few letters.
 */
export const CELL_EMS: readonly number[] = [13, 9, 6.5, 4.75];
/**
 * Term-only cells, used only when they show the whole log where the narrowest cells above
 * cannot: a twelve-entry log such as the paper's Figure 7 then fits beside the lesson player at
 * 1280×720 with nothing folded away. A longer log windows at the narrowest cells instead.
 */
export const TERM_ONLY_EM = 3.25;
/** The "older" column (◂ 12 older, markers left of the window). */
export const OLDER_EM = 4.4;
/** The row header (dot, name, role; the rejection reason below): a share of the width. */
export const HEAD_SHARE = 0.28;
export const HEAD_EM_MIN = 9.5;
export const HEAD_EM_MAX = 20;
/** Fewest index columns shown, however narrow the strip. */
export const MIN_COLUMNS = 3;

export interface StripColumns {
  readonly headEm: number;
  readonly olderEm: number;
  readonly cellEm: number;
  /** How many index columns fit at cellEm (at least MIN_COLUMNS, at most LOG_COLUMNS). */
  readonly columns: number;
}

/**
 * The widest cells that show all `needed` indexes in `widthPx` (the strip's inner width) with
 * text of `emPx`; when even the narrowest cannot, the narrowest and as many columns as fit.
 * `spacingPx` is the table's border spacing, paid once per column and once at the end.
 * E.g. 864 px at 13 px (66.5 em): head 18.6 em; 3 indexes get 13 em cells, 6 get 6.5 em.
 */
export function stripColumns(
  widthPx: number,
  emPx: number,
  needed: number,
  spacingPx = 2,
): StripColumns {
  const ok = Number.isFinite(widthPx) && widthPx > 0 && Number.isFinite(emPx) && emPx > 0;
  const width = ok ? widthPx / emPx : 0;
  const spacing = ok ? spacingPx / emPx : 0;
  const headEm = clamp(width * HEAD_SHARE, HEAD_EM_MIN, HEAD_EM_MAX);
  const available = width - headEm - OLDER_EM - 3 * spacing;
  const want = Math.max(1, Math.min(LOG_COLUMNS, Math.floor(needed) || 0));
  const fits = (cell: number) => Math.floor(available / (cell + spacing));
  const cellEm =
    CELL_EMS.find((cell) => fits(cell) >= want) ??
    (fits(TERM_ONLY_EM) >= want ? TERM_ONLY_EM : CELL_EMS[CELL_EMS.length - 1]!);
  const columns = clamp(fits(cellEm), MIN_COLUMNS, LOG_COLUMNS);
  return { headEm: round(headEm), olderEm: OLDER_EM, cellEm, columns };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The strip's largest share of the window's height (log.css: max-height 42vh). */
export const STRIP_SHARE = 0.42;

/**
 * Two lines per row (term, then command) while every row fits the strip's share of the window,
 * else one line per row. In ems of the strip's text: a roomy row is about 2.4 em plus 10 px of
 * padding, borders and spacing, a compact one 1.2 em plus 8 px; the key and the head take about
 * 3 em plus 8 px. E.g. 9 servers at 720 px with 13 px text: 9 × 41 + 47 = 418 > 302 → compact.
 */
export function stripDensity(
  nodes: number,
  viewportHeightPx: number,
  emPx: number,
): 'roomy' | 'compact' {
  if (!(emPx > 0) || !(viewportHeightPx > 0)) return 'roomy';
  const need = nodes * (2.4 * emPx + 10) + 3 * emPx + 8;
  return need <= STRIP_SHARE * viewportHeightPx ? 'roomy' : 'compact';
}
