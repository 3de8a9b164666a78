// Every field of the selected node or message, named as in Figure 2 of the Raft paper, or a
// friendly hint when nothing is selected. The selection comes in as a prop; from the store it
// reads only the highlights: the fields a lesson points at, and whether a failed check names the
// node on show. Below, whatever is selected, the messages held at their receivers' doors.
import type { Frame } from '../../store/frame';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';
import type { Highlights } from '../../store';
import { fieldKey, selectHighlights } from '../../store';
import { useLab } from '../labContext';
import type { Field } from './FieldList';
import { FieldList } from './FieldList';
import { nodeFields } from './nodeFields';
import { flightFields } from './flightFields';
import { messageName } from '../panels/messageText';
import { HeldList } from './HeldList';

export function Inspector({
  frame,
  selection,
  t,
}: {
  frame: Frame;
  selection: Selection;
  t: Translate;
}) {
  const highlights = useLab(selectHighlights);
  let title = t('visual.inspect.title');
  let broken = false;
  let body;
  if (selection === null) {
    body = <p className="rl-inspect-empty">{t('visual.inspect.empty')}</p>;
  } else if (selection.kind === 'node') {
    const node = frame.nodes.find((n) => n.id === selection.id);
    if (node) {
      title = t('visual.inspect.node', { name: `S${node.id}` });
      broken = highlights.broken.nodes.has(node.id);
      body = <FieldList fields={pointedAt(nodeFields(node, frame, t), node.id, highlights, t)} />;
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
      {broken && (
        <p className="rl-inspect-broken" data-highlight="broken">
          {t('rules.inspect.broken')}
        </p>
      )}
      {body}
      <HeldList flights={frame.flights} selection={selection} t={t} />
    </section>
  );
}

/** Marks the fields a lesson points at: on this node, or on any node ("log[]" is field "log"). */
function pointedAt(fields: Field[], node: number, h: Highlights, t: Translate): Field[] {
  if (h.fields.size === 0) return fields;
  return fields.map((f) => {
    const name = f.name.replace(/\[\]$/, '');
    const on = h.fields.has(fieldKey(name, node)) || h.fields.has(fieldKey(name));
    return on ? { ...f, pointer: t('rules.mark.focus') } : f;
  });
}
