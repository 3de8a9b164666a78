// The application shell (UI layer): top bar, the cluster with its log strip on the left, tabbed
// panels (or, in a lesson, the lesson player) on the right and the time controls below. It
// wires store intents to the components.
import { useEffect, useState } from 'react';
import type { LabStore } from '../store';
import { LabContext, useLab, useLabStore } from './labContext';
import { ClusterPane } from './panels/ClusterPane';
import { ControlsBar } from './controls/ControlsBar';
import { SidePanel } from './panels/SidePanel';
import { TopBar } from './panels/TopBar';
import { LogStrip } from './panels/LogStrip';
import { LessonPlayer } from './course/LessonPlayer';
import { useShortcuts } from './controls/useShortcuts';
import { ErrorBoundary } from './ErrorBoundary';
import { makeTranslate } from './i18n';
import { loadChineseFont } from './fonts';
import './visual.css';
import './cluster/cluster.css';
import './log/log.css';
import './inspect/inspect.css';
import './app.css';
import './panels/side.css';
import './controls/controls.css';
import './course/course.css';

export function App({ store }: { store: LabStore }) {
  const t = makeTranslate(store.getState().language);
  return (
    <ErrorBoundary t={t}>
      <LabContext.Provider value={store}>
        <Shell />
      </LabContext.Provider>
    </ErrorBoundary>
  );
}

function Shell() {
  const theme = useLab((s) => s.theme);
  const language = useLab((s) => s.language);
  const present = useLab((s) => s.present);
  const textScale = useLab((s) => s.textScale);
  const inLesson = useLab((s) => s.lesson !== null);
  const reducedMotion = useReducedMotion();
  // The side panel's drawer in presentation mode: a view detail, not lab state.
  const [drawer, setDrawer] = useState(false);
  const store = useLabStore();
  useShortcuts();

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.lang = language === 'zh' ? 'zh-CN' : 'en';
    if (language === 'zh') void loadChineseFont();
    if (present) root.dataset.present = '';
    else delete root.dataset.present;
    root.style.setProperty('--rl-text-scale', String(textScale / 100));
  }, [theme, language, present, textScale]);

  // In presentation mode and in a lesson (whose player takes the side column) the side panel
  // is a drawer, opened from the top bar.
  const drawerMode = present || inLesson;
  const drawerOpen = drawerMode && drawer;
  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDrawer(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  return (
    <div className={present ? 'rl-app rl-present' : 'rl-app'}>
      <TopBar
        drawerMode={drawerMode}
        drawerOpen={drawerOpen}
        onDrawer={() => setDrawer(!drawer)}
        onCourse={() => {
          store.getState().showPanel('course');
          if (drawerMode) setDrawer(true);
        }}
      />
      <main className={inLesson ? 'rl-main rl-with-lesson' : 'rl-main'}>
        <section className="rl-stage">
          <ClusterPane reducedMotion={reducedMotion} />
          <LogStrip />
        </section>
        {inLesson && <LessonPlayer onOpenPanels={() => setDrawer(true)} />}
        {(!drawerMode || drawerOpen) && (
          <SidePanel drawer={drawerMode} onClose={() => setDrawer(false)} />
        )}
      </main>
      <ControlsBar />
    </div>
  );
}

/** Follows the system's "reduce motion" preference, live. */
function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => window.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const list = window.matchMedia?.(query);
    if (!list) return;
    const onChange = () => setReduced(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return reduced;
}
