// The small action menu that opens on a message (UI layer): hold it at its receiver's door or
// release it, drop it, or send a copy. Keyboard as the node menu: arrows move, Escape closes
// (focus returns to the message), Tab leaves; a press outside closes it too.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { FlightFrame } from '../../store/frame';
import type { Translate } from '../i18n/types';
import { messageName } from '../panels/messageText';

export type MessageAction = 'hold' | 'release' | 'drop' | 'duplicate';

/** A held message can be released; one on its way can be held. Either can be dropped or copied. */
export function messageActions(flight: FlightFrame): MessageAction[] {
  return [flight.held ? 'release' : 'hold', 'drop', 'duplicate'];
}

const who = (id: number, t: Translate) => (id === 0 ? t('visual.cluster.client') : `S${id}`);

/** "Message #12 AppendEntries S1 → S3": the menu's name, and the inspector's list item. */
export function messageTitle(flight: FlightFrame, t: Translate, key = 'msg.menu.title'): string {
  const m = flight.message;
  return t(key, {
    id: flight.id,
    kind: messageName(m, t),
    from: who(m.from, t),
    to: who(m.to, t),
  });
}

interface Props {
  flight: FlightFrame;
  /** Where the message is drawn and the distance to keep from it, in the drawing's px. */
  x: number;
  y: number;
  clear: number;
  /** The drawing's size: the menu opens on the roomier side and stays inside. */
  width: number;
  height: number;
  t: Translate;
  onAction(action: MessageAction): void;
  onClose(refocus: boolean): void;
}

export function MessageMenu(props: Props) {
  const { flight, x, y, clear, width, height, t, onAction, onClose } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const actions = messageActions(flight);
  const shown = actions.join();
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) setSize({ w: el.offsetWidth, h: el.offsetHeight });
  }, [flight.id, shown]);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [flight.id]);
  // A press anywhere else closes the menu (a press on a message opens that one's instead).
  const latestClose = useRef(onClose);
  useLayoutEffect(() => {
    latestClose.current = onClose;
  });
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const target = e.target as Element | null;
      if (ref.current?.contains(target) || target?.closest?.('[data-flight]')) return;
      latestClose.current(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, []);
  const right = x < width / 2;
  const left = right ? Math.min(x + clear, width - size.w - 4) : Math.max(4, x - clear - size.w);
  const top = Math.max(4, Math.min(y - size.h / 2, height - size.h - 4));
  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      buttons[(i + step + buttons.length) % buttons.length]?.focus();
    } else if (e.key === 'Tab') {
      onClose(false);
    }
  };
  const title = messageTitle(flight, t);
  return (
    <div
      ref={ref}
      className="rl-node-menu rl-message-menu"
      role="menu"
      aria-label={title}
      style={{ left: `${Math.max(4, left)}px`, top: `${top}px` }}
      onKeyDown={onKeyDown}
    >
      <div className="rl-node-menu-title">{title}</div>
      {actions.map((a) => (
        <button
          key={a}
          type="button"
          role="menuitem"
          className={`rl-menu-${a}`}
          onClick={() => onAction(a)}
        >
          {t(`msg.menu.${a}`)}
        </button>
      ))}
    </div>
  );
}
