// Words for the cluster drawing: labels, the hint, messages and loss on the network (UI layer).
import type { Strings } from './types';

export const drawingStrings: Strings = {
  en: {},
  zh: {},
};
