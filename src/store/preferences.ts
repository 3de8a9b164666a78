// The preferences slice (store layer): the cluster's settings, kept in the link so it reproduces
// the cluster; how it is shown (language, presentation mode, text size), kept in the link too so
// a shared link opens the same way; and the person's own choices (language, theme, text size),
// kept in local storage. The language comes from the link, else the last choice, else the
// browser's languages. A change the simulator would refuse becomes a notice in codes and changes
// nothing.
import type { Kernel } from './kernel';
import { notify } from './kernel';
import type {
  LabState,
  Notice,
  NoticeLine,
  Persistence,
  PreferencesData,
  PreferencesIntents,
} from './labTypes';
import { restart } from './runtime';
import type { LinkProblem, Settings } from './settings';
import { parseSettingsQuery, settingsProblem, settingsToQuery } from './settings';
import type { LessonLink } from './lessonLink';
import { lessonToQuery, parseLessonQuery } from './lessonLink';
import {
  TEXT_SCALE_MIN,
  isTextScale,
  languageFromBrowser,
  parseViewQuery,
  viewToQuery,
} from './viewLink';

const LANGUAGE_KEY = 'raft-lab.language';
const THEME_KEY = 'raft-lab.theme';
const TEXT_SCALE_KEY = 'raft-lab.textScale';

const storedLanguage = (p: Persistence) => {
  const v = p.load(LANGUAGE_KEY);
  return v === 'zh' || v === 'en' ? v : null;
};
const storedTextScale = (p: Persistence) => {
  const v = p.load(TEXT_SCALE_KEY);
  const n = v !== null && /^\d{3}$/.test(v) ? Number(v) : NaN;
  return isTextScale(n) ? n : null;
};
const browserLanguage = (p: Persistence) => {
  try {
    return languageFromBrowser(p.browserLanguages?.() ?? []);
  } catch {
    return null;
  }
};

/**
 * The whole link for a state: the cluster's settings (or, in a lesson, the lesson and step,
 * which decide the cluster), then how it is shown.
 */
export function linkFor(
  s: Pick<LabState, 'language' | 'present' | 'textScale' | 'lesson'> & { settings: Settings },
) {
  const cluster = s.lesson
    ? lessonToQuery({ id: s.lesson.id, step: s.lesson.step })
    : settingsToQuery(s.settings);
  return `${cluster}&${viewToQuery(s)}`;
}

/** The preferences as the link and local storage give them, and the notice a bad link deserves. */
export function initialPreferences(persistence: Persistence): {
  data: PreferencesData;
  notice: Notice | null;
  /** The lesson step the link opens, if any (its settings then replace the link's). */
  lesson: LessonLink | null;
} {
  const query = persistence.readQuery();
  const parsed = parseSettingsQuery(query);
  const { view, problems } = parseViewQuery(query);
  const lesson = parseLessonQuery(query);
  const all = [...parsed.problems, ...problems, ...lesson.problems];
  return {
    data: {
      settings: parsed.settings,
      language:
        view.language ?? storedLanguage(persistence) ?? browserLanguage(persistence) ?? 'en',
      theme: persistence.load(THEME_KEY) === 'dark' ? 'dark' : 'light',
      present: view.present,
      textScale: view.textScale ?? storedTextScale(persistence) ?? TEXT_SCALE_MIN,
    },
    notice: all.length ? linkNotice(all) : null,
    lesson: lesson.link,
  };
}

/** One line per problem, e.g. app.link.conflict {param: 'hb', value: '500'}. */
function linkNotice(problems: readonly LinkProblem[]): Notice {
  const details: NoticeLine[] = problems.map((p) => ({
    key: `app.link.${p.code}`,
    params: { param: p.param, value: p.value },
  }));
  return {
    id: 1,
    // Unknown parameters alone change nothing: worth a word, not an alarm.
    kind: problems.every((p) => p.code === 'unknown') ? 'info' : 'error',
    key: 'app.notice.linkSettings',
    params: { fields: problems.map((p) => `${p.param}=${p.value}`).join(', ') },
    details,
  };
}

export function preferencesIntents(k: Kernel): PreferencesIntents {
  return {
    async applySettings(patch) {
      const next = { ...k.get().settings, ...patch };
      const problem = settingsProblem(next);
      if (problem) return notify(k, 'error', problem);
      k.set({ settings: next });
      k.persistence.writeQuery(linkFor(k.get()));
      await restart(k);
    },
    newSeed: () =>
      k.get().applySettings({
        seed: (k.deps.randomSeed ?? (() => Math.floor(Math.random() * 1_000_000)))(),
      }),
    setLanguage(language) {
      if (language !== 'en' && language !== 'zh') return;
      k.persistence.save(LANGUAGE_KEY, language);
      k.set({ language });
      k.persistence.writeQuery(linkFor(k.get()));
    },
    setPresent(on) {
      if (typeof on !== 'boolean') return;
      k.set({ present: on });
      k.persistence.writeQuery(linkFor(k.get()));
    },
    setTextScale(percent) {
      if (!isTextScale(percent)) return;
      k.persistence.save(TEXT_SCALE_KEY, String(percent));
      k.set({ textScale: percent });
      k.persistence.writeQuery(linkFor(k.get()));
    },
    setTheme(theme) {
      if (theme !== 'light' && theme !== 'dark') return;
      k.persistence.save(THEME_KEY, theme);
      k.set({ theme });
    },
  };
}
