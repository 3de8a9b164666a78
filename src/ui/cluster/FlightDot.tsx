// One message in flight at (x, y): its look, an accessible name and a title, clickable to
// inspect. Memoized, and its label is computed once per message, so an animation frame only
// changes the transform.
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
  t: Translate;
  onSelect(sel: Selection): void;
}

export const FlightDot = memo(function FlightDot(props: Props) {
  const { flight, x, y, scale, selected, t, onSelect } = props;
  const label = useMemo(() => {
    const name = (id: number) => (id === 0 ? t('visual.cluster.client') : `S${id}`);
    return t(flight.lostAt === null ? 'visual.flight.label' : 'visual.flight.labelDoomed', {
      summary: messageSummary(flight.message, t),
      from: name(flight.message.from),
      to: name(flight.message.to),
    });
  }, [flight, t]);
  return (
    <g
      className={selected ? 'rl-flight rl-selected' : 'rl-flight'}
      transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}
      role="button"
      aria-label={label}
      data-flight={flight.id}
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => onSelect({ kind: 'flight', id: flight.id })}
    >
      <title>{label}</title>
      <FlightMark
        look={messageLook(flight.message)}
        glyph={messageGlyph(flight.message)}
        scale={scale}
      />
    </g>
  );
});
