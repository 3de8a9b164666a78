// The event log (UI layer): the trace in plain words, newest first, filterable by node and
// kind; clicking an event jumps time to its frame. It scans back from the newest frame only as
// far as it needs, so a long history costs nothing here.
import { selectFirstSeq, selectHeadSeq } from '../../store';
import { useFrame, useIntents, useLab, useT } from '../labContext';
import { describeTraceEvent, EVENT_KINDS, eventKind, eventNodes } from './eventText';
import { formatMs } from './format';

const SHOWN = 150;
const SCANNED = 20_000;

export function EventLog() {
  const t = useT();
  const history = useLab((s) => s.history);
  const head = useLab(selectHeadSeq);
  const first = useLab(selectFirstSeq);
  const cursor = useLab((s) => s.cursor);
  const filter = useLab((s) => s.eventFilter);
  const nodes = useFrame()?.nodes.length ?? 0;
  const lab = useIntents();

  const rows = [];
  for (let seq = head; seq > first && seq > head - SCANNED && rows.length < SHOWN; seq--) {
    const e = history.get(seq - first)?.event;
    if (!e) continue;
    const kind = eventKind(e);
    if (
      filter.kind === 'important'
        ? kind === 'heartbeat'
        : filter.kind !== 'all' && filter.kind !== kind
    )
      continue;
    if (filter.node !== null && !eventNodes(e).includes(filter.node)) continue;
    rows.push({ seq, at: e.at, kind, text: describeTraceEvent(e, t) });
  }

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
      {rows.length === 0 ? (
        <p className="rl-empty">{t('app.events.none')}</p>
      ) : (
        <ol className="rl-event-list" aria-label={t('app.events.list')}>
          {rows.map((r) => (
            <li key={r.seq} className={`rl-event rl-event-${r.kind}`}>
              <button
                type="button"
                aria-current={r.seq === cursor ? 'true' : undefined}
                className={r.seq > cursor ? 'rl-event-future' : undefined}
                onClick={() => void lab.seekTo(r.seq)}
              >
                <span className="rl-event-time">{formatMs(r.at)}</span>
                <span className="rl-event-text">{r.text}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
