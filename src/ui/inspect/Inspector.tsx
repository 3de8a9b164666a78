// Every field of the selected node or message, named as in Figure 2 of the Raft paper, or a
// friendly hint when nothing is selected. Presentational: the selection comes in as a prop.
import type { Frame } from '../../store/frame';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';
import { FieldList } from './FieldList';
import { nodeFields } from './nodeFields';
import { flightFields } from './flightFields';
import { messageName } from '../panels/messageText';

export function Inspector({
  frame,
  selection,
  t,
}: {
  frame: Frame;
  selection: Selection;
  t: Translate;
}) {
  let title = t('visual.inspect.title');
  let body;
  if (selection === null) {
    body = <p className="rl-inspect-empty">{t('visual.inspect.empty')}</p>;
  } else if (selection.kind === 'node') {
    const node = frame.nodes.find((n) => n.id === selection.id);
    if (node) {
      title = t('visual.inspect.node', { name: `S${node.id}` });
      body = <FieldList fields={nodeFields(node, frame, t)} />;
    } else {
      body = (
        <p className="rl-inspect-empty">
          {t('visual.inspect.noNode', { name: `S${selection.id}` })}
        </p>
      );
    }
  } else {
    const flight = frame.flights.find((f) => f.id === selection.id);
    if (flight) {
      title = t('visual.inspect.message', { kind: messageName(flight.message, t) });
      body = <FieldList fields={flightFields(flight, t)} />;
    } else {
      body = <p className="rl-inspect-empty">{t('visual.inspect.gone')}</p>;
    }
  }
  return (
    <section className="rl-inspector" aria-label={t('visual.inspect.title')}>
      <h3>{title}</h3>
      {body}
    </section>
  );
}
