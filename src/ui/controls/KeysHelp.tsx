// The on-screen list of every keyboard shortcut (UI layer): a "Keys" button opening a popover
// (light dismiss: Esc or a click outside closes it). The keys themselves live in useShortcuts,
// SidePanel (tabs) and the cluster's links; this list names each one once.
import { useT } from '../labContext';

const KEYS = [
  'space',
  'left',
  'right',
  'present',
  'steps',
  'tabs',
  'sliders',
  'links',
  'escape',
] as const;

export function KeysHelp() {
  const t = useT();
  return (
    <>
      <button
        type="button"
        className="rl-button rl-button-small rl-keys-button"
        popoverTarget="rl-keys"
        aria-haspopup="dialog"
      >
        {t('time.keys')}
      </button>
      <div
        id="rl-keys"
        className="rl-keys"
        popover="auto"
        role="dialog"
        aria-labelledby="rl-keys-title"
      >
        <h2 id="rl-keys-title">{t('time.keysTitle')}</h2>
        <dl>
          {KEYS.map((k) => (
            <div key={k} className="rl-keys-row">
              <dt>
                <kbd>{t(`time.keyName.${k}`)}</kbd>
              </dt>
              <dd>{t(`time.key.${k}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="rl-keys-note">{t('time.keysNote')}</p>
      </div>
    </>
  );
}
