// The top bar (UI layer): the title, the safety checkers' status, and the language and theme
// switches, which the store remembers across visits.
import { useIntents, useLab, useT } from '../labContext';
import { SafetyStatus } from './SafetyStatus';

export function TopBar() {
  const t = useT();
  const language = useLab((s) => s.language);
  const theme = useLab((s) => s.theme);
  const lab = useIntents();
  return (
    <header className="rl-topbar">
      <h1 className="rl-title">
        Raft Lab <span className="rl-subtitle">{t('app.subtitle')}</span>
      </h1>
      <SafetyStatus />
      <div className="rl-switches">
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
