// The event log (UI layer): the trace in plain words, newest first, filterable by node and kind;
// clicking an event jumps time to its frame. It follows playback: it lists the events up to the
// cursor and keeps the current one in view. Events after the cursor (the screen is in the past)
// stay hidden unless "show the future" is on, so they cannot spoil a prediction; then they are
// shown dimmed above the current one. It scans only as far as it needs, so a long history costs
// nothing here.
import { useLayoutEffect, useRef, useState } from 'react';
import type { EventFilter, FrameList } from '../../store';
import { selectFirstSeq, selectHeadSeq } from '../../store';
import type { Translate } from '../i18n/types';
import { useFrame, useIntents, useLab, useT } from '../labContext';
import { describeTraceEvent, EVENT_KINDS, eventKind, eventNodes } from './eventText';
import { formatMs } from './format';
import './events.css';

const SHOWN = 150;
/** Of those, at most this many from the future, the nearest to the cursor. */
const FUTURE_SHOWN = 40;
const SCANNED = 20_000;

interface Row {
  readonly seq: number;
  readonly at: number;
  readonly kind: string;
  readonly text: string;
}

/** Matching rows from `from` stepping by `step` (±1) while `more(seq)`, at most `limit`. */
function scan(
  history: FrameList,
  first: number,
  filter: EventFilter,
  t: Translate,
  range: { from: number; step: 1 | -1; more: (seq: number) => boolean; limit: number },
): Row[] {
  const rows: Row[] = [];
  for (
    let seq = range.from, n = 0;
    range.more(seq) && n < SCANNED && rows.length < range.limit;
    seq += range.step, n++
  ) {
    const frame = history.get(seq - first);
    const e = frame?.event;
    if (!e) continue;
    const kind = eventKind(e);
    const hidden =
      filter.kind === 'important'
        ? kind === 'heartbeat'
        : filter.kind !== 'all' && filter.kind !== kind;
    if (hidden || (filter.node !== null && !eventNodes(e).includes(filter.node))) continue;
    // The frame the event produced: what a restart loaded, the value a read returned.
    rows.push({ seq, at: e.at, kind, text: describeTraceEvent(e, t, frame) });
  }
  return rows;
}

/** The nearest ancestor that scrolls (not the page itself), to keep a row in view inside it. */
function scroller(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight)
      return p;
  }
  return null;
}

export function EventLog() {
  const t = useT();
  const history = useLab((s) => s.history);
  const head = useLab(selectHeadSeq);
  const first = useLab(selectFirstSeq);
  const cursor = useLab((s) => s.cursor);
  const filter = useLab((s) => s.eventFilter);
  const nodes = useFrame()?.nodes.length ?? 0;
  const lab = useIntents();
  const [showFuture, setShowFuture] = useState(false);
  const current = useRef<HTMLLIElement>(null);

  const later = head - cursor;
  const future =
    showFuture && later > 0
      ? scan(history, first, filter, t, {
          from: cursor + 1,
          step: 1,
          more: (seq) => seq <= head,
          limit: FUTURE_SHOWN,
        }).reverse()
      : [];
  const past = scan(history, first, filter, t, {
    from: cursor,
    step: -1,
    more: (seq) => seq > first,
    limit: SHOWN - future.length,
  });
  const currentSeq = past[0]?.seq ?? null;

  // Keep the current event in view inside the panel as the cursor moves.
  useLayoutEffect(() => {
    const row = current.current;
    const box = row && scroller(row);
    if (!row || !box) return;
    const r = row.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (r.top < b.top) box.scrollTop -= b.top - r.top;
    else if (r.bottom > b.bottom) box.scrollTop += r.bottom - b.bottom;
  }, [cursor, showFuture]);

  const item = (r: Row, isFuture: boolean) => (
    <li
      key={r.seq}
      ref={r.seq === currentSeq ? current : undefined}
      className={`rl-event rl-event-${r.kind}${isFuture ? ' rl-event-future' : ''}${
        r.seq === currentSeq ? ' rl-event-now' : ''
      }`}
    >
      <button
        type="button"
        aria-current={r.seq === cursor ? 'true' : undefined}
        onClick={() => void lab.seekTo(r.seq)}
      >
        <span className="rl-event-time">{formatMs(r.at)}</span>
        <span className="rl-event-text">
          {isFuture ? t('time.events.futureRow', { text: r.text }) : r.text}
        </span>
      </button>
    </li>
  );

  return (
    <section className="rl-events" aria-label={t('app.events.title')}>
      <div className="rl-events-filter">
        <label>
          {t('app.events.node')}
          <select
            value={filter.node ?? ''}
            onChange={(e) =>
              lab.setEventFilter({ node: e.target.value ? Number(e.target.value) : null })
            }
          >
            <option value="">{t('app.events.allNodes')}</option>
            {Array.from({ length: nodes }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                S{i + 1}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app.events.kind')}
          <select
            value={filter.kind}
            onChange={(e) => lab.setEventFilter({ kind: e.target.value })}
          >
            <option value="important">{t('app.events.kind.important')}</option>
            <option value="all">{t('app.events.kind.all')}</option>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`app.events.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {later > 0 && (
        <div className="rl-events-future">
          <label>
            <input
              type="checkbox"
              role="switch"
              checked={showFuture}
              onChange={(e) => setShowFuture(e.target.checked)}
            />
            {t('time.events.future')}
          </label>
          {!showFuture && <span>{t('time.events.hidden', { count: later })}</span>}
        </div>
      )}
      {future.length + past.length === 0 ? (
        <p className="rl-empty">{t('app.events.none')}</p>
      ) : (
        <ol className="rl-event-list" aria-label={t('app.events.list')}>
          {future.map((r) => item(r, true))}
          {past.map((r) => item(r, false))}
        </ol>
      )}
    </section>
  );
}
