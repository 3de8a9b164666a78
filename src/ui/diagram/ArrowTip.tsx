// The tooltip of the arrow under the pointer (UI layer): the message in the reader's words, its
// route and times, and what a click does. Placed beside the pointer, on whichever side has room.
import type { Arrow } from '../../layout/spaceTime';
import type { DiagramBox } from '../../layout/spaceTimeView';
import type { Translate } from '../i18n/types';
import { arrowTip } from './diagramText';

export function ArrowTip({
  arrow,
  x,
  y,
  box,
  headAt,
  t,
}: {
  arrow: Arrow;
  x: number;
  y: number;
  box: DiagramBox;
  headAt: number;
  t: Translate;
}) {
  const { summary, route } = arrowTip(arrow, t, headAt);
  const onRight = x < box.width / 2;
  const below = y < box.height / 2;
  const style = {
    left: onRight ? x + 14 : undefined,
    right: onRight ? undefined : box.width - x + 14,
    top: below ? y + 14 : undefined,
    bottom: below ? undefined : box.height - y + 14,
  };
  return (
    <div className="rl-st-tip" role="tooltip" style={style}>
      <strong>{summary}</strong>
      <span>{route}</span>
      {arrow.flight !== null && <span className="rl-st-tip-hint">{t('diagram.tip.click')}</span>}
    </div>
  );
}
