// Words for the shell: presentation mode, text size, the facts bar, the drawer and the classroom toolbar (UI layer).
import type { Strings } from './types';

export const shellStrings: Strings = {
  en: {},
  zh: {},
};
