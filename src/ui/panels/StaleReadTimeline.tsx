// The stale read on a timeline (UI layer, thesis §6.4), inside the Linearizability alarm: the
// write the read missed, from its request to its acknowledgement, above the read, from its
// request to its answer and the value it returned, on one time axis with labelled ticks; a
// dashed line marks the acknowledgement, which comes before the read was sent. d3 computes the
// positions (layout/opsTimeline.ts); React draws. Vertical sizes are ems of the timeline's text
// token, so Present mode and the text size setting grow it with its words.
import { useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { StaleReadStory } from '../../store';
import { opsTimeline } from '../../layout/opsTimeline';
import type { Translate } from '../i18n/types';
import { commandText } from './messageText';

/** In ems: each row's bar top (its words beside it), the axis and its tick labels below. */
const ROW = { write: 0.15, read: 1.6, bar: 1.25, text: 0.92 };
const AXIS = { line: 3.15, tick: 3.5, text: 4.55 };

export function StaleReadTimeline({ story, t }: { story: StaleReadStory; t: Translate }) {
  const box = useRef<HTMLDivElement>(null);
  const { width, em } = useRoom(box);
  const { read, write } = story;
  const spans = [
    ...(write ? [{ start: write.sentAt, end: write.ackAt }] : []),
    { start: read.invokedAt, end: read.answeredAt },
  ];
  const layout = width > 0 ? opsTimeline(spans, width, 14) : null;
  const value = read.value === 'no key' ? t('read.noKey') : read.value;
  const readText = [
    t('lin.timeline.read', { id: read.id, key: read.key, value }),
    t('lin.timeline.sent', { at: read.invokedAt }),
    ...(read.by === null ? [] : [t('lin.timeline.readAt', { node: `S${read.by}` })]),
  ].join(' · ');
  const [writeSpan, readSpan] = layout
    ? [write ? layout.spans[0] : undefined, layout.spans.at(-1)!]
    : [undefined, undefined];
  const writeText =
    write &&
    [
      write.command
        ? t('lin.timeline.write', { id: write.id, command: commandText(write.command, t) })
        : t('lin.timeline.writeUnknown', { id: write.id }),
      t('lin.timeline.acked', { at: write.ackAt }),
    ].join(' · ');
  return (
    <div className="rl-timeline" ref={box}>
      {layout && (
        <svg
          className="rl-timeline-svg"
          width={width}
          role="img"
          aria-label={[t('lin.timeline.label'), writeText, readText].filter(Boolean).join('. ')}
        >
          {write && writeSpan && (
            <>
              <line
                className="rl-timeline-ack"
                x1={layout.x(write.ackAt)}
                x2={layout.x(write.ackAt)}
                y1="0"
                y2={`${AXIS.line}em`}
              />
              <Bar span={writeSpan} top={ROW.write} kind="write" />
              <Label span={writeSpan} room={{ width, em }} top={ROW.write} text={writeText!} />
            </>
          )}
          <Bar span={readSpan!} top={ROW.read} kind="read" />
          <Label span={readSpan!} room={{ width, em }} top={ROW.read} text={readText} />
          <line
            className="rl-timeline-axis"
            x1={0}
            x2={width}
            y1={`${AXIS.line}em`}
            y2={`${AXIS.line}em`}
          />
          {layout.ticks.map((k) => (
            <g key={k.ms}>
              <line
                className="rl-timeline-axis"
                x1={k.x}
                x2={k.x}
                y1={`${AXIS.line}em`}
                y2={`${AXIS.tick}em`}
              />
              <text className="rl-timeline-tick" x={k.x} y={`${AXIS.text}em`} textAnchor="middle">
                {t('lin.timeline.tick', { ms: k.ms })}
              </text>
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}

function Bar({ span, top, kind }: { span: { x0: number; x1: number }; top: number; kind: string }) {
  // A read answered at once is a mark, not nothing.
  const w = Math.max(6, span.x1 - span.x0);
  return (
    <rect
      className={`rl-timeline-bar rl-timeline-${kind}`}
      x={span.x1 - span.x0 < 6 ? span.x0 - 3 : span.x0}
      width={w}
      y={`${top}em`}
      height={`${ROW.bar}em`}
      rx={3}
    />
  );
}

/** About how wide `text` is set, in ems: a Chinese character one, anything else about half. */
function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += /\p{Script=Han}|[\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 1 : 0.56;
  return ems;
}

/**
 * A bar's words on its row: inside the bar when it is long enough, else beside it on a side with
 * room for them (the roomier side when neither has).
 */
function Label(props: {
  span: { x0: number; x1: number };
  room: { width: number; em: number };
  top: number;
  text: string;
}) {
  const { span, room, top, text } = props;
  const need = textEms(text) * room.em + 16;
  const y = `${top + ROW.text}em`;
  if (span.x1 - span.x0 >= need) {
    return (
      <text
        className="rl-timeline-label rl-timeline-in"
        x={(span.x0 + span.x1) / 2}
        y={y}
        textAnchor="middle"
      >
        {text}
      </text>
    );
  }
  const rightRoom = room.width - span.x1;
  const right = rightRoom >= need || (span.x0 < need && rightRoom >= span.x0);
  return (
    <text
      className="rl-timeline-label"
      x={right ? span.x1 + 8 : span.x0 - 8}
      y={y}
      textAnchor={right ? 'start' : 'end'}
    >
      {text}
    </text>
  );
}

/** The element's inner width and its text's em in px, followed as either changes. */
function useRoom(ref: RefObject<HTMLElement | null>): { width: number; em: number } {
  const [room, setRoom] = useState({ width: 0, em: 15 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const style = getComputedStyle(el);
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      const width = Math.floor(el.clientWidth - padding);
      const em = parseFloat(style.fontSize) || 15;
      setRoom((old) => (old.width === width && old.em === em ? old : { width, em }));
    };
    read();
    const watch = new ResizeObserver(read);
    watch.observe(el);
    return () => watch.disconnect();
  }, [ref]);
  return room;
}
