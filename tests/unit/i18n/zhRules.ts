// The rules a Chinese text on screen is held to, as small functions the 中文 tests share: which
// English words may stay, where a space is stray, and the one word for a crash.

/**
 * English a Chinese sentence may carry: the protocol's words the app keeps beside their Chinese
 * (领导者 Leader, 任期 Term, 追加条目请求 AppendEntries, 学习者（Learner）, 快照（Snapshot）), and
 * the unit ms. Server names S1…S9 and commands as written (set, delete, append, read) with their
 * keys and values are data, removed before the check.
 */
export const PROTOCOL_WORDS: ReadonlySet<string> = new Set([
  'Raft',
  'Leader',
  'Follower',
  'Candidate',
  'PreVote',
  'Term',
  'RequestVote',
  'AppendEntries',
  // Membership and leadership transfer (Raft thesis ch. 4, §3.10).
  'Learner',
  'TimeoutNow',
  // Snapshots (ch. 5), reads and client sessions (ch. 6).
  'Snapshot',
  'InstallSnapshot',
  'ReadIndex',
  'Lease',
  'Session',
  'Linearizability',
  'ms',
]);

/** Figure 2's field names, which the inspector shows (and some glosses quote) as the paper does. */
export const FIGURE_2_NAMES: ReadonlySet<string> = new Set([
  'currentTerm',
  'votedFor',
  'commitIndex',
  'lastApplied',
  'nextIndex',
  'matchIndex',
  'prevLogIndex',
  'prevLogTerm',
  'leaderCommit',
  'lastLogIndex',
  'lastLogTerm',
  'candidateId',
  'leaderId',
  'voteGranted',
]);

/**
 * The glossary the rest of the Chinese UI keeps beside its Chinese words on purpose: the safety
 * properties' names from the paper (选举安全 Election Safety …), settings that are protocol
 * options, and a few terms a student meets in the paper (日志 Log, 多数派 Majority, 提交 commit).
 */
export const GLOSSARY: ReadonlySet<string> = new Set([
  ...PROTOCOL_WORDS,
  ...FIGURE_2_NAMES,
  ...'Election Safety Leader Append-Only Log Matching Completeness State Machine No Lost Writes Acknowledged on a Majority Configurations Overlap'.split(
    ' ',
  ),
  'CheckQuorum',
  'Heartbeat',
  'heartbeat',
  'interval',
  'timeout',
  'election',
  'timer',
  'commit',
  'committed',
  'apply',
  'machine',
  'Seed',
  // Keys as printed on the keyboard, for the shortcuts' help: Enter, Esc, Home, End, P …
  ...'Enter Esc Home End Tab Shift Space PageUp PageDown Backspace Delete'.split(' '),
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
]);

/** The English words left in `text` once data (S1…S9, set/delete commands) is removed. */
export function englishWords(text: string, allowed: ReadonlySet<string> = PROTOCOL_WORDS) {
  const data = text
    .replace(/\bS\{\w+\}/g, ' ')
    .replace(/\{\w+\}/g, ' ')
    .replace(/\b[a-z] = \d+\b/g, ' ')
    .replace(/\b(set \w+=\w+|delete \w+|append \w+\+=\w+|read \w+)\b/g, ' ')
    .replace(/\bS[1-9]\b/g, ' ');
  return (data.match(/[A-Za-z][A-Za-z-]*/g) ?? []).filter((w) => !allowed.has(w));
}

const HAN = '\\p{Script=Han}';
const WIDE = '\\u3000-\\u303f\\uff00-\\uffef“”‘’—…';

const STRAY = new RegExp(
  `(?<=[${HAN}${WIDE}])\\s+(?=[${HAN}${WIDE}])|(?<=[${WIDE}])\\s+|\\s+(?=[${WIDE}])`,
  'gu',
);

/** Each space between two Chinese characters or beside full-width punctuation, in context. */
export function straySpaces(text: string): string[] {
  return [...text.matchAll(STRAY)].map((m) =>
    text.slice(Math.max(0, m.index - 2), m.index + m[0].length + 2),
  );
}

/** 宕机 is the one word for a crash (as in the study notes); 崩溃 never appears. */
export const NOT_THE_WORD_FOR_CRASH = '崩溃';
