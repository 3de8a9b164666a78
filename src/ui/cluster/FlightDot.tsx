// One message in flight at (x, y): its look, an accessible name and a title, clickable (or Enter
// / Space) to inspect it and open its menu; a thick dashed ring around it when a lesson points at
// its kind, a pause mark when it is held at its receiver's door. Memoized, and its label is
// computed once per message, so an animation frame only changes the transform.
import { memo, useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import type { FlightFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';
import { messageGlyph, messageLook } from '../../layout/messageLook';
import { FlightMark } from './FlightMark';
import { messageSummary } from '../panels/messageText';

interface Props {
  flight: FlightFrame;
  x: number;
  y: number;
  /** How much bigger than its 100 % size the mark is drawn: follows the text size. */
  scale: number;
  selected: boolean;
  /** A lesson points at this kind of message. */
  focus: boolean;
  /** Its menu is open. */
  menuOpen: boolean;
  t: Translate;
  onActivate(id: number): void;
}

/** "Message #12: AppendEntries: term 1, …, S1 → S3" (held or doomed say so). */
function flightLabel(flight: FlightFrame, t: Translate): string {
  const name = (id: number) => (id === 0 ? t('visual.cluster.client') : `S${id}`);
  const key = flight.held
    ? 'msg.flight.labelHeld'
    : flight.lostAt === null
      ? 'msg.flight.label'
      : 'msg.flight.labelDoomed';
  return t(key, {
    id: flight.id,
    summary: messageSummary(flight.message, t),
    from: name(flight.message.from),
    to: name(flight.message.to),
  });
}

/** Two bars: the message waits (at scale 1, beside a mark at most 30 × 22). */
function PauseMark({ scale }: { scale: number }) {
  return (
    <g className="rl-held-pause" transform={`translate(${19 * scale},${-15 * scale})`}>
      <circle r={8 * scale} />
      <path
        d={`M${-2.5 * scale},${-4 * scale}v${8 * scale}M${2.5 * scale},${-4 * scale}v${8 * scale}`}
      />
    </g>
  );
}

export const FlightDot = memo(function FlightDot(props: Props) {
  const { flight, x, y, scale, selected, focus, t, onActivate } = props;
  const label = useMemo(() => flightLabel(flight, t), [flight, t]);
  const classes = ['rl-flight'];
  if (selected) classes.push('rl-selected');
  if (focus) classes.push('rl-flight-focus');
  if (flight.held) classes.push('rl-flight-held');
  // A message that will die on the wire cannot be touched any more: it can only be inspected.
  const touchable = flight.lostAt === null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(flight.id);
    }
  };
  return (
    <g
      className={classes.join(' ')}
      transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-haspopup={touchable ? 'menu' : undefined}
      aria-expanded={touchable ? props.menuOpen : undefined}
      data-flight={flight.id}
      data-highlight={focus ? 'focus' : undefined}
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => onActivate(flight.id)}
      onKeyDown={onKeyDown}
    >
      <title>{focus ? `${label}\n${t('rules.mark.focus')}` : label}</title>
      {/* A mark is at most 30 × 22 at scale 1 (AppendEntries): the ring clears it. */}
      {focus && <circle className="rl-flight-ring" r={23 * scale} />}
      <FlightMark
        look={messageLook(flight.message)}
        glyph={messageGlyph(flight.message)}
        scale={scale}
      />
      {flight.held && <PauseMark scale={scale} />}
    </g>
  );
});
