// The top bar (UI layer): the title, the safety checkers' status, the course, presentation
// mode, the text size, the language and theme switches, and (in presentation mode or a lesson)
// the button that opens the panels' drawer. Language, theme and text size are remembered; the link carries all but theme.
import { TEXT_SCALE_STEPS } from '../../store';
import { useIntents, useLab, useT } from '../labContext';
import { SafetyStatus } from './SafetyStatus';
import { ShareMenu } from './ShareMenu';

export function TopBar({
  drawerMode,
  drawerOpen,
  onDrawer,
  onCourse,
}: {
  /** The side panel is a drawer (presentation mode, or a lesson's player in its place). */
  drawerMode: boolean;
  drawerOpen: boolean;
  onDrawer(): void;
  /** Shows the course page (the Course tab, in the drawer when there is one). */
  onCourse(): void;
}) {
  const t = useT();
  const language = useLab((s) => s.language);
  const theme = useLab((s) => s.theme);
  const present = useLab((s) => s.present);
  const textScale = useLab((s) => s.textScale);
  const lab = useIntents();
  return (
    <header className="rl-topbar">
      <h1 className="rl-title">
        Raft Lab <span className="rl-subtitle">{t('app.subtitle')}</span>
      </h1>
      <SafetyStatus />
      <div className="rl-switches">
        <ShareMenu />
        <button
          type="button"
          className="rl-button rl-button-primary"
          title={t('course.openTitle')}
          onClick={onCourse}
        >
          {t('course.title')}
        </button>
        {drawerMode && (
          <button
            type="button"
            className="rl-button"
            aria-expanded={drawerOpen}
            aria-controls="rl-side"
            title={t('shell.drawerLabel')}
            onClick={onDrawer}
          >
            {t('shell.drawer')}
          </button>
        )}
        <button
          type="button"
          className="rl-button"
          aria-pressed={present}
          title={t('shell.presentTitle')}
          onClick={() => lab.setPresent(!present)}
        >
          {t('shell.present')}
        </button>
        <label className="rl-text-size" title={t('shell.textSizeLabel')}>
          <span aria-hidden="true">{t('shell.textSize')}</span>
          <select
            aria-label={t('shell.textSizeLabel')}
            value={textScale}
            onChange={(e) => lab.setTextScale(Number(e.target.value))}
          >
            {(TEXT_SCALE_STEPS.includes(textScale)
              ? TEXT_SCALE_STEPS
              : [...TEXT_SCALE_STEPS, textScale].sort((a, b) => a - b)
            ).map((p) => (
              <option key={p} value={p}>
                {t('shell.textSizeOption', { percent: p })}
              </option>
            ))}
          </select>
        </label>
        <div className="rl-segmented" role="group" aria-label={t('app.language.label')}>
          <button
            type="button"
            aria-pressed={language === 'en'}
            lang="en"
            onClick={() => lab.setLanguage('en')}
          >
            English
          </button>
          <button
            type="button"
            aria-pressed={language === 'zh'}
            lang="zh-CN"
            onClick={() => lab.setLanguage('zh')}
          >
            中文
          </button>
        </div>
        <button
          type="button"
          className="rl-button"
          aria-pressed={theme === 'dark'}
          onClick={() => lab.setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {t('app.theme.dark')}
        </button>
      </div>
    </header>
  );
}
