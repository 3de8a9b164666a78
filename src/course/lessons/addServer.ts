// Lesson 16 (course layer): adding a server without stalling the cluster (Raft thesis §4.2.1).
// A new server starts empty; it first joins as a learner that receives the log but has no vote,
// so writes keep committing while it catches up — even with a voter down — and the leader makes
// it a voter only once it holds everything committed. One entry per AppendEntries makes the
// catch-up long enough to watch.
import type { Condition, Lesson } from '../types';

/** Six writes, so a newcomer has seven entries to fetch (the leader's empty one first). */
const SIX_WRITES = [1, 2, 3, 4, 5, 6].map((n) => ({
  do: 'write' as const,
  key: `k${n}`,
  value: String(n),
}));

/** The lesson's requests: six writes, then the addition (7), then x=1 (8). */
const ADD = 7;
const X = 8;

const xCommitsWhileLearning: Condition = {
  kind: 'all',
  of: [
    { kind: 'replied', request: X, status: 'ok' },
    { kind: 'member', node: 'fresh', is: 'learner' },
  ],
};

const promoted: Condition = {
  kind: 'all',
  of: [
    { kind: 'member', node: 'fresh', is: 'voter' },
    { kind: 'replied', request: ADD, status: 'ok' },
  ],
};

export const addServer: Lesson = {
  id: 'adding-a-server',
  title: { en: 'Adding a server', zh: '添加服务器' },
  teaches: {
    en: 'A new server first catches up as a learner, with no vote, so the cluster keeps committing; the leader makes it a voter once it holds the log.',
    zh: '新服务器先作为学习者（Learner）追赶日志，没有投票权，集群照常提交；等它拿到日志，领导者（Leader）再把它升为投票成员（Voter）。',
  },
  settings: { nodes: 3, seed: 16, maxEntriesPerAppend: 1 },
  steps: [
    {
      text: {
        en: 'Three voters elect a leader, and a client writes six values. Each AppendEntries here carries at most one entry.',
        zh: '三个投票成员（Voter）选出领导者（Leader），客户端写入六个值。这里每条追加条目（AppendEntries）最多只带一个条目。',
      },
      cues: [{ do: 'wait', until: { kind: 'logsAgree' } }, ...SIX_WRITES],
      until: { kind: 'committed', request: 'last' },
      focus: [
        { kind: 'node', node: 'leader' },
        { kind: 'entry', node: 'all', index: 'last' },
      ],
    },
    {
      text: {
        en: '{down} crashes: {chief} and {up} are still two of three. Then a new server, {fresh}, starts with an empty disk and a client asks {chief} to add it. Right after, a client writes x=1.',
        zh: '{down} 宕机了：{chief} 和 {up} 仍是三个中的两个。随后一台新服务器 {fresh} 以空磁盘启动，客户端请 {chief} 把它加入集群。紧接着，客户端写入 x=1。',
      },
      cues: [
        { do: 'mark', name: 'chief', pick: 'leader' },
        { do: 'mark', name: 'down', pick: 'follower', nth: 0 },
        { do: 'mark', name: 'up', pick: 'follower', nth: 1 },
        { do: 'crash', node: 'down' },
        { do: 'addServer', name: 'fresh' },
        { do: 'write', key: 'x', value: '1' },
      ],
      until: { kind: 'replied', request: X },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'fresh' },
        { kind: 'entry', node: 'all', index: 'last' },
        { kind: 'client' },
      ],
      predict: {
        question: {
          en: '{fresh} holds none of the seven entries. Will x=1 commit before {fresh} has caught up?',
          zh: '{fresh} 一个条目都没有，而日志（Log）里已有七个。在 {fresh} 追上之前，x=1 能提交（Commit）吗？',
        },
        answers: [
          {
            id: 'commits',
            text: { en: 'Yes: {fresh} does not count yet', zh: '能：{fresh} 暂时不算在内' },
            when: xCommitsWhileLearning,
          },
          {
            id: 'waits',
            text: {
              en: 'No: four servers need three copies',
              zh: '不能：四台需要三份副本',
            },
            when: { kind: 'not', of: xCommitsWhileLearning },
          },
        ],
        correct: 'commits',
        why: {
          en: '{fresh} joined as a learner: it receives the log but has no vote, and no majority counts it. The voters are still {chief}, {down} and {up}, so {chief} and {up} are enough. Had {fresh} voted at once, four voters would need three copies, and with {down} down, x=1 would have waited until {fresh} had fetched every entry.',
          zh: '{fresh} 是作为学习者（Learner）加入的：它接收日志，但没有投票权，任何多数派（Majority）都不算它。投票成员仍是 {chief}、{down}、{up}，所以 {chief} 和 {up} 就够了。如果 {fresh} 一加入就有投票权，四个投票成员需要三份副本；{down} 又宕机了，x=1 就得等 {fresh} 把所有条目取完。',
        },
      },
    },
    {
      text: {
        en: '{chief} keeps sending {fresh} the entries it lacks, one at a time. Watch {chief}’s matchIndex for {fresh} climb.',
        zh: '{chief} 继续把 {fresh} 缺少的条目一个一个发给它。看 {chief} 记录的 {fresh} 的 matchIndex 如何上升。',
      },
      until: promoted,
      maxMs: 2000,
      focus: [
        { kind: 'node', node: 'fresh' },
        { kind: 'field', field: 'matchIndex', node: 'chief' },
      ],
      predict: {
        question: {
          en: 'What will {chief} do once {fresh} holds every committed entry?',
          zh: '等 {fresh} 拥有所有已提交的条目后，{chief} 会做什么？',
        },
        answers: [
          {
            id: 'promote',
            text: { en: 'Make it a voter', zh: '把它升为投票成员' },
            when: { kind: 'member', node: 'fresh', is: 'voter' },
          },
          {
            id: 'keep',
            text: {
              en: 'Keep it a learner until someone asks',
              zh: '让它一直当学习者，直到有人要求',
            },
            when: { kind: 'member', node: 'fresh', is: 'learner' },
          },
        ],
        correct: 'promote',
        why: {
          en: 'The client asked for a voter, so once {fresh} has caught up, {chief} appends a new configuration with {fresh} among the voters, and answers the client when it commits. Four voters now, so a majority is three: with {down} still down, every write needs all three running servers.',
          zh: '客户端要的是投票成员，所以 {fresh} 一追上，{chief} 就追加一个新配置，把 {fresh} 列入投票成员，并在它提交后答复客户端。现在有四个投票成员，多数派是三个：{down} 仍宕机，每次写入都需要三台运行中的服务器全部保存。',
        },
      },
    },
    {
      text: {
        en: 'Your turn: grow the cluster to five voters while {down} stays down.',
        zh: '轮到你了：在 {down} 仍宕机的情况下，把集群扩大到五个投票成员。',
      },
      until: { kind: 'configuration', count: 5, joint: false },
      focus: [{ kind: 'node', node: 'chief' }],
      task: {
        goal: {
          en: 'Add one more server and wait until it votes.',
          zh: '再添加一台服务器，等它获得投票权。',
        },
        hint: {
          en: 'Press “Add server” above the cluster. The new server is a learner until it has caught up; then {chief} promotes it.',
          zh: '点击集群上方的“添加服务器”。新服务器追上之前是学习者；追上后 {chief} 会把它升为投票成员。',
        },
        done: { kind: 'configuration', count: 5, joint: false, committed: true },
        solution: [{ do: 'addServer' }],
        maxMs: 2000,
      },
    },
  ],
};
