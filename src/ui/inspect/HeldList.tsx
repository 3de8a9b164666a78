// The messages held at their receivers' doors (UI layer), listed under the inspector whatever is
// selected: each with a button to inspect it and one to release it, and "Release all". The list
// is read off the frame; releasing is a store intent, recorded like any other action.
import type { FlightFrame } from '../../store/frame';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';
import { useIntents } from '../labContext';
import { messageTitle } from '../cluster/MessageMenu';

interface Props {
  flights: readonly FlightFrame[];
  selection: Selection;
  t: Translate;
}

export function HeldList({ flights, selection, t }: Props) {
  const lab = useIntents();
  const held = flights.filter((f) => f.held);
  if (held.length === 0) return null;
  return (
    <section className="rl-held-list" aria-label={t('msg.held.title')}>
      <h4>{t('msg.held.title')}</h4>
      <p className="rl-held-intro">{t('msg.held.intro')}</p>
      <ul>
        {held.map((f) => {
          const title = messageTitle(f, t, 'msg.held.item');
          const selected = selection?.kind === 'flight' && selection.id === f.id;
          return (
            <li key={f.id} className={selected ? 'rl-held-item rl-selected' : 'rl-held-item'}>
              <button
                type="button"
                className="rl-held-name"
                aria-current={selected || undefined}
                onClick={() => lab.selectItem({ kind: 'flight', id: f.id })}
              >
                {title}
              </button>
              <span className="rl-held-due">{t('msg.held.since', { at: f.arriveAt })}</span>
              <button
                type="button"
                className="rl-button rl-button-small"
                aria-label={t('msg.held.releaseOne', { id: f.id })}
                onClick={() => void lab.releaseMessage(f.id)}
              >
                {t('msg.held.release')}
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="rl-button rl-button-small"
        onClick={() => void lab.releaseAll()}
      >
        {t('msg.held.releaseAll')}
      </button>
    </section>
  );
}
