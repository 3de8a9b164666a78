// The preferences slice (store layer): the cluster's settings, kept in the link so it reproduces
// the cluster, and the person's language and theme, kept in local storage. A settings change
// that the simulator would refuse becomes a notice in codes and changes nothing.
import type { Kernel } from './kernel';
import { notify } from './kernel';
import type {
  Notice,
  NoticeLine,
  Persistence,
  PreferencesData,
  PreferencesIntents,
} from './labTypes';
import { restart } from './runtime';
import type { LinkProblem } from './settings';
import { parseSettingsQuery, settingsProblem, settingsToQuery } from './settings';

const LANGUAGE_KEY = 'raft-lab.language';
const THEME_KEY = 'raft-lab.theme';

/** The preferences as the link and local storage give them, and the notice a bad link deserves. */
export function initialPreferences(persistence: Persistence): {
  data: PreferencesData;
  notice: Notice | null;
} {
  const parsed = parseSettingsQuery(persistence.readQuery());
  return {
    data: {
      settings: parsed.settings,
      language: persistence.load(LANGUAGE_KEY) === 'zh' ? 'zh' : 'en',
      theme: persistence.load(THEME_KEY) === 'dark' ? 'dark' : 'light',
    },
    notice: parsed.problems.length ? linkNotice(parsed.problems) : null,
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
      k.persistence.writeQuery(settingsToQuery(next));
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
    },
    setTheme(theme) {
      if (theme !== 'light' && theme !== 'dark') return;
      k.persistence.save(THEME_KEY, theme);
      k.set({ theme });
    },
  };
}
