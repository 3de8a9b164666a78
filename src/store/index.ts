// Public face of the store layer: the lab store, its settings codec and playback vocabulary.
export { createLabStore } from './labStore';
export type {
  EventFilter,
  LabData,
  LabDeps,
  LabIntents,
  LabState,
  LabStore,
  LessonPhase,
  LessonState,
  ClockState,
  ClockStore,
  Language,
  Notice,
  NoticeLine,
  PanelTab,
  Persistence,
  Runtime,
  RewriteQuestion,
  RuntimeFactory,
  Scheduler,
  Theme,
  UndoOffer,
} from './labTypes';
export type { LabAction, RecordedAction } from './actions';
export type { Settings, ParsedSettings, LinkProblem } from './settings';
export {
  DEFAULT_SETTINGS,
  checkSettings,
  settingsProblem,
  parseSettingsQuery,
  settingsToOptions,
  settingsToQuery,
} from './settings';
export type { Marker, MarkerKind, PauseWhen } from './playback';
export {
  DEFAULT_SPEED,
  SPEED_MAX,
  SPEED_MIN,
  positionFromSpeed,
  speedFromPosition,
} from './playback';
export type {
  Frame,
  FlightFrame,
  NetworkFrame,
  NodeFrame,
  RequestFrame,
  RequestStage,
  LogView,
} from './frame';
export { entryAt, lastIndexOf } from './frame';
export { FrameList } from './frameList';
export type { StaleReadStory } from './staleRead';
export { staleReadStory } from './staleRead';
export { selectDiscards, selectInPast } from './history';
export type { BranchComparison, BranchInfo, BranchSide } from './labTypes';
export { selectBranches } from './branchTree';
export {
  frameAt,
  lossPercentOf,
  makeSelectMarkers,
  selectFirstSeq,
  selectFrame,
  selectHeadSeq,
  selectMarkers,
  selectViewTime,
} from './selectors';
export type { Selection } from './selection';
export { lineForError } from './notices';
export { TEXT_SCALE_MAX, TEXT_SCALE_MIN, TEXT_SCALE_STEPS, parseViewQuery } from './viewLink';
export * from './vocabulary';
export { selectHighlights, linkKey, entryKey, fieldKey, NO_HIGHLIGHTS } from './highlights';
export type { Highlights } from './highlights';
