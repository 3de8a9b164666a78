// The right column (UI layer): tabbed panels for the course, the client, logs (indexes and whole
// entries; the strip under the cluster has the per-server grid), state machines, the event log,
// the inspector and the settings. Only the open panel renders.
import type { KeyboardEvent } from 'react';
import type { PanelTab } from '../../store';
import { Inspector } from '../inspect/Inspector';
import { LogEntries } from '../log/LogEntries';
import { StateMachines } from '../log/StateMachines';
import { useFrame, useIntents, useLab, useT } from '../labContext';
import { ClientPanel } from './ClientPanel';
import { EventLog } from './EventLog';
import { CoursePanel } from '../course/CoursePanel';
import { SettingsPanel } from './SettingsPanel';
import { HistoryPanel } from './HistoryPanel';

const TABS: readonly PanelTab[] = [
  'course',
  'client',
  'logs',
  'state',
  'events',
  'inspect',
  'history',
  'settings',
];

/** In presentation mode the panel is a drawer over the stage, with a close button. */
export function SidePanel({ drawer = false, onClose }: { drawer?: boolean; onClose?(): void }) {
  const t = useT();
  const tab = useLab((s) => s.tab);
  const lab = useIntents();
  // ← and → step time wherever the focus is, so a class can step from any control (see
  // useShortcuts). The tab list keeps the rest of the ARIA tablist keys while a tab has focus:
  // ↑ ↓ for the previous and next tab (wrapping), Home and End for the first and last; it
  // stays one tab stop (roving tabindex), and the Keys help lists these keys.
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const moves: Record<string, number> = {
      ArrowUp: i - 1,
      ArrowDown: i + 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length]!;
    lab.showPanel(next);
    document.getElementById(`rl-tab-${next}`)?.focus();
  };
  return (
    <aside
      className={drawer ? 'rl-side rl-drawer' : 'rl-side'}
      id="rl-side"
      aria-label={drawer ? t('shell.drawer') : undefined}
    >
      {drawer && (
        <button type="button" className="rl-button rl-drawer-close" onClick={onClose}>
          {t('shell.drawerClose')}
        </button>
      )}
      <div className="rl-tabs" role="tablist" aria-label={t('app.tabs.label')} onKeyDown={onKey}>
        {TABS.map((name) => {
          // A short visible label (one row of tabs at 1280 px); the full name stays accessible.
          const full = t(`app.tab.${name}`);
          const short = t(`app.tabShort.${name}`);
          return (
            <button
              key={name}
              id={`rl-tab-${name}`}
              type="button"
              role="tab"
              aria-selected={tab === name}
              aria-controls="rl-tabpanel"
              tabIndex={tab === name ? 0 : -1}
              aria-label={short === full ? undefined : full}
              onClick={() => lab.showPanel(name)}
            >
              {short}
            </button>
          );
        })}
      </div>
      <div
        className="rl-tabpanel"
        id="rl-tabpanel"
        role="tabpanel"
        aria-labelledby={`rl-tab-${tab}`}
      >
        <PanelBody tab={tab} />
      </div>
    </aside>
  );
}

function PanelBody({ tab }: { tab: PanelTab }) {
  const t = useT();
  const frame = useFrame();
  const selection = useLab((s) => s.selection);
  const lab = useIntents();
  if (tab === 'course') return <CoursePanel />;
  if (tab === 'client') return <ClientPanel />;
  if (tab === 'events') return <EventLog />;
  if (tab === 'settings') return <SettingsPanel />;
  if (tab === 'history') return <HistoryPanel />;
  if (!frame) return null;
  if (tab === 'logs') return <LogEntries frame={frame} t={t} onSelect={lab.selectItem} />;
  if (tab === 'state') return <StateMachines frame={frame} t={t} />;
  return <Inspector frame={frame} selection={selection} t={t} />;
}
