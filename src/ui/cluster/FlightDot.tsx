// One message in flight at (x, y): its look, an accessible name and a title, clickable to
// inspect; a thick dashed ring around it when a lesson points at its kind. Memoized, and its
// label is computed once per message, so an animation frame only changes the transform.
import { memo, useMemo } from 'react';
import type { FlightFrame } from '../../store/frame';
import type { Selection } from '../../store/selection';
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
  t: Translate;
  onSelect(sel: Selection): void;
}

export const FlightDot = memo(function FlightDot(props: Props) {
  const { flight, x, y, scale, selected, focus, t, onSelect } = props;
  const label = useMemo(() => {
    const name = (id: number) => (id === 0 ? t('visual.cluster.client') : `S${id}`);
    return t(flight.lostAt === null ? 'visual.flight.label' : 'visual.flight.labelDoomed', {
      summary: messageSummary(flight.message, t),
      from: name(flight.message.from),
      to: name(flight.message.to),
    });
  }, [flight, t]);
  const classes = ['rl-flight'];
  if (selected) classes.push('rl-selected');
  if (focus) classes.push('rl-flight-focus');
  return (
    <g
      className={classes.join(' ')}
      transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}
      role="button"
      aria-label={label}
      data-flight={flight.id}
      data-highlight={focus ? 'focus' : undefined}
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => onSelect({ kind: 'flight', id: flight.id })}
    >
      <title>{focus ? `${label}\n${t('rules.mark.focus')}` : label}</title>
      {/* A mark is at most 30 × 22 at scale 1 (AppendEntries): the ring clears it. */}
      {focus && <circle className="rl-flight-ring" r={23 * scale} />}
      <FlightMark
        look={messageLook(flight.message)}
        glyph={messageGlyph(flight.message)}
        scale={scale}
      />
    </g>
  );
});
