// The Share menu in the top bar (UI layer): a button opening a popover with Copy link, Export
// run and Import run. The panel inside is mounted only while open, so the run it describes is
// read when the person opens it, and a closed menu re-renders nothing while the run plays.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../labContext';
import { SharePanel } from './SharePanel';
import './share.css';

export function ShareMenu() {
  const t = useT();
  const popover = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const element = popover.current;
    if (!element) return;
    const onToggle = (e: Event) => setOpen((e as ToggleEvent).newState === 'open');
    element.addEventListener('toggle', onToggle);
    return () => element.removeEventListener('toggle', onToggle);
  }, []);
  return (
    <>
      <button
        type="button"
        className="rl-button rl-share-button"
        popoverTarget="rl-share"
        aria-haspopup="dialog"
        aria-expanded={open}
        title={t('share.title')}
      >
        {t('share.button')}
      </button>
      <div
        ref={popover}
        id="rl-share"
        className="rl-share"
        popover="auto"
        role="dialog"
        aria-labelledby="rl-share-title"
      >
        <h2 id="rl-share-title">{t('share.title')}</h2>
        {open && <SharePanel />}
      </div>
    </>
  );
}
