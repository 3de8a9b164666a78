// Words for the time controls: keys, the clock, the past and its confirmation, undo (UI layer).
import type { Strings } from './types';

export const timeStrings: Strings = {
  en: {},
  zh: {},
};
