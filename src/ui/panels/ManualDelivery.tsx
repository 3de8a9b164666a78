// Manual delivery (UI layer): a switch, and while it is on, the next events that could happen —
// each message waiting at its receiver's door and each running server's timer, in the order the
// simulator lists them (`Frame.choices`) — each a button that makes it happen. The first timer
// is reached by letting time run; a later election timer fires by hand; a later heartbeat cannot
// come first, so it is shown disabled with the reason. Which choice may happen is the
// simulator's to say: the screen only words it.
import { useEffect, useRef, useState } from 'react';
import type { Choice } from '../../sim';
import type { Frame } from '../../store/frame';
import type { Translate } from '../i18n/types';
import { useFrame, useIntents, useT } from '../labContext';
import { messageName } from './messageText';
import '../cluster/messages.css';

const who = (id: number, t: Translate) => (id === 0 ? t('visual.cluster.client') : `S${id}`);

/**
 * The switch. The time controls hold two, one shown at a time by the bar's width (messages.css):
 * a wide bar has room beside the clock; a narrow one folds it with speed and "pause when…", so
 * the bar keeps its rows.
 */
export function ManualDeliverySwitch({ place }: { place: 'wide' | 'narrow' }) {
  const t = useT();
  const frame = useFrame();
  const lab = useIntents();
  const on = frame?.network.manual ?? false;
  return (
    <label className={`rl-manual-switch rl-manual-${place}`}>
      <input
        type="checkbox"
        role="switch"
        checked={on}
        disabled={!frame}
        onChange={(e) => {
          // Time stands still while a person picks: playing would run the timers by itself.
          if (e.target.checked) lab.pause();
          void lab.setManualDelivery(e.target.checked);
        }}
      />
      {t('msg.manual.switch')}
    </label>
  );
}

/** What a choice's button says: "Deliver #12 AppendEntries S1 → S3 (due t=412 ms)". */
export function choiceText(choice: Choice, frame: Frame, t: Translate): string {
  if (choice.kind === 'deliver') {
    const flight = frame.flights.find((f) => f.id === choice.message);
    return t('msg.manual.deliver', {
      id: choice.message,
      kind: flight ? messageName(flight.message, t) : t(`app.msg.${choice.messageKind}`),
      from: who(choice.from, t),
      to: who(choice.to, t),
      at: choice.at,
    });
  }
  const node = `S${choice.node}`;
  if (choice.earliest) {
    const timer = t(`msg.manual.timer.${choice.timer}`);
    return t('msg.manual.runTo', { node, timer, at: choice.at });
  }
  if (choice.timer === 'election') return t('msg.manual.fire', { node, at: choice.at });
  return t('msg.manual.heartbeatLater', { node, at: choice.at });
}

/**
 * The list of next events, shown while manual delivery is on. After a pick the list starts
 * again at the top with the first event focused, so Enter, Enter… walks time event by event.
 */
export function ManualDelivery() {
  const t = useT();
  const frame = useFrame();
  const lab = useIntents();
  const listRef = useRef<HTMLOListElement>(null);
  const [picks, setPicks] = useState(0);
  useEffect(() => {
    const list = listRef.current;
    if (picks === 0 || !list) return;
    list.scrollTop = 0;
    list.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus({ preventScroll: true });
  }, [picks]);
  if (!frame?.network.manual) return null;
  const pick = async (c: Choice) => {
    await lab.pickChoice(c);
    setPicks((n) => n + 1);
  };
  return (
    <section className="rl-manual" aria-label={t('msg.manual.title')}>
      <h3 className="rl-manual-title">{t('msg.manual.title')}</h3>
      <p className="rl-manual-hint">{t('msg.manual.hint')}</p>
      <button
        type="button"
        className="rl-button rl-button-small rl-manual-off"
        onClick={() => void lab.setManualDelivery(false)}
      >
        {t('msg.manual.off')}
      </button>
      {frame.choices.length === 0 ? (
        <p className="rl-manual-hint">{t('msg.manual.empty')}</p>
      ) : (
        <ol className="rl-manual-list" ref={listRef}>
          {frame.choices.map((c) => {
            const blocked = c.kind === 'timer' && c.timer === 'heartbeat' && !c.earliest;
            const key = c.kind === 'deliver' ? `m${c.message}` : `t${c.node}`;
            return (
              <li key={key} className={`rl-manual-${c.kind}`}>
                <button
                  type="button"
                  className="rl-button rl-button-small"
                  disabled={blocked}
                  aria-describedby={blocked ? `rl-manual-why-${key}` : undefined}
                  onClick={() => void pick(c)}
                >
                  {choiceText(c, frame, t)}
                </button>
                {blocked && (
                  <span className="rl-manual-why" id={`rl-manual-why-${key}`}>
                    {t('msg.manual.heartbeatWhy')}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
