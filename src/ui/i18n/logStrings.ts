// Words for the log strip and its legend, markers and rejection reasons (UI layer).
import type { Strings } from './types';

export const logStrings: Strings = {
  en: {},
  zh: {},
};
