// Lesson 17 (course layer): removing the leader (Raft thesis §4.2.2). The leader replicates the
// configuration that leaves it out and counts only the servers in it — its own copy does not
// count — so with two followers down its removal cannot commit, though three of the old five
// hold it. Once it commits, the leader steps down and stays quiet; the others elect a leader.
import type { Condition, Lesson } from '../types';

/** The removal's entry: after the first leader's empty entry. */
const REMOVAL_INDEX = 2;

const stored = (node: string): Condition => ({
  kind: 'matchIndex',
  leader: 'old',
  node,
  atLeast: REMOVAL_INDEX,
});
const removalCommitted: Condition = { kind: 'committed', request: 1, count: 1 };

/**
 * A leader of the remaining voters that has committed its first entry on all three running
 * voters: only then may it take a change of its own (§4.1). `logsAgree` would never hold, as
 * the removed leader runs on and hears nothing more.
 */
const elected: Condition = {
  kind: 'all',
  of: [
    { kind: 'newLeader', not: 'old' },
    { kind: 'commitRises', count: 3 },
  ],
};

export const removeLeader: Lesson = {
  id: 'removing-the-leader',
  title: { en: 'Removing the leader', zh: '移除领导者' },
  teaches: {
    en: 'A leader can remove itself: it replicates the new configuration without counting its own copy, steps down once it commits, and the remaining servers elect a leader.',
    zh: '领导者（Leader）可以移除自己：它复制新配置（Configuration）时不算自己那一份，新配置提交后就退位，剩下的服务器再选出领导者。',
  },
  settings: { nodes: 5, seed: 17 },
  steps: [
    {
      text: {
        en: 'Five voters elect a leader. Soon a client will ask it to remove itself, for instance to take its machine away for repair.',
        zh: '五个投票成员（Voter）选出一个领导者（Leader）。稍后客户端会请它把自己移除，比如要把它的机器拿去维修。',
      },
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: 'Two followers, {down1} and {down2}, crash. Then a client asks {old} to remove {old}. {old} appends a configuration whose voters are the other four and sends it to them.',
        zh: '两个跟随者（Follower）{down1} 和 {down2} 宕机了。接着客户端请 {old} 移除 {old} 自己。{old} 追加一个配置（Configuration）条目，其中的投票成员是另外四台，并把它发给它们。',
      },
      cues: [
        { do: 'mark', name: 'old', pick: 'leader' },
        { do: 'mark', name: 'down1', pick: 'follower', nth: 0 },
        { do: 'mark', name: 'down2', pick: 'follower', nth: 1 },
        { do: 'mark', name: 'a', pick: 'follower', nth: 2 },
        { do: 'mark', name: 'b', pick: 'follower', nth: 3 },
        { do: 'crash', node: 'down1' },
        { do: 'crash', node: 'down2' },
        { do: 'removeServer', node: 'old' },
      ],
      until: { kind: 'all', of: [stored('a'), stored('b')] },
      maxMs: 1000,
      focus: [
        { kind: 'entry', node: 'all', index: REMOVAL_INDEX },
        { kind: 'field', field: 'matchIndex', node: 'old' },
        { kind: 'field', field: 'commitIndex', node: 'old' },
      ],
      predict: {
        question: {
          en: '{old}, {a} and {b} are running: three of the five. Will {old}’s removal commit once {a} and {b} store it?',
          zh: '{old}、{a}、{b} 在运行，是五台中的三台。等 {a} 和 {b} 存下后，移除 {old} 的配置会提交（Commit）吗？',
        },
        answers: [
          {
            id: 'yes',
            text: { en: 'Yes: three of five', zh: '会：五台中的三台' },
            when: removalCommitted,
          },
          {
            id: 'no',
            text: { en: 'No, it will wait', zh: '不会，只能等着' },
            when: { kind: 'not', of: removalCommitted },
          },
        ],
        correct: 'no',
        why: {
          en: 'A server uses the newest configuration in its log, and {old}’s no longer names {old}. So {old} counts only {a}, {b}, {down1} and {down2}, and needs three of those four; its own copy does not count. Two of them run, so the entry waits.',
          zh: '服务器使用日志（Log）里最新的配置，而 {old} 的最新配置里已经没有 {old}。所以 {old} 只计算 {a}、{b}、{down1}、{down2}，需要这四台中的三台；它自己那一份不算。只有两台在运行，所以这个条目只能等着。',
        },
      },
    },
    {
      text: {
        en: '{down1} restarts. It is one of the four voters of the new configuration.',
        zh: '{down1} 重启了。它是新配置四个投票成员中的一个。',
      },
      cues: [{ do: 'restart', node: 'down1' }],
      until: { kind: 'role', node: 'old', role: 'follower' },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'old' },
        { kind: 'node', node: 'down1' },
        { kind: 'field', field: 'commitIndex', node: 'old' },
      ],
      predict: {
        question: {
          en: 'What will {old} do once its removal is committed?',
          zh: '移除 {old} 的配置提交后，{old} 会做什么？',
        },
        answers: [
          {
            id: 'lead',
            text: {
              en: 'Go on leading: the others still need a leader',
              zh: '继续当领导者：其他服务器还需要领导者',
            },
            when: { kind: 'role', node: 'old', role: 'leader' },
          },
          {
            id: 'stepDown',
            text: { en: 'Step down', zh: '退位' },
            when: { kind: 'role', node: 'old', role: 'follower' },
          },
        ],
        correct: 'stepDown',
        why: {
          en: '{old} led until its removal was committed, so that the change was not lost. Now it is outside the configuration and steps down. It sends no more heartbeats, so the four voters’ election timers will run out.',
          zh: '{old} 一直领导到移除它的配置提交为止，这样变更不会丢失。现在它已不在配置中，于是退位。它不再发送心跳（Heartbeat），四个投票成员的选举计时器（Election Timer）就会到期。',
        },
      },
    },
    {
      text: {
        en: 'The four voters wait for heartbeats that no longer come, until one of them wins an election. {old} still runs, as a follower outside the configuration.',
        zh: '四个投票成员等着再也不会来的心跳，直到其中一台赢得选举。{old} 仍在运行，是配置之外的跟随者。',
      },
      until: elected,
      maxMs: 2000,
      focus: [
        { kind: 'node', node: 'old' },
        { kind: 'field', field: 'currentTerm', node: 'old' },
      ],
      predict: {
        question: {
          en: 'When {old}’s own election timer runs out, will it stand for election?',
          zh: '{old} 自己的选举计时器到期时，它会参加选举吗？',
        },
        answers: [
          {
            id: 'stands',
            text: { en: 'Yes, like any follower', zh: '会，和任何跟随者一样' },
            when: { kind: 'nodeTermRises', node: 'old', by: 1 },
          },
          {
            id: 'quiet',
            text: { en: 'No: it has no vote now', zh: '不会：它已经没有投票权了' },
            when: { kind: 'not', of: { kind: 'nodeTermRises', node: 'old', by: 1 } },
          },
        ],
        correct: 'quiet',
        why: {
          en: 'Only a voter stands for election, and {old} is none: its term has not moved. The new leader does not send to {old} either: it is outside the configuration, and it can be switched off.',
          zh: '只有投票成员才会参选，而 {old} 已经不是了：它的任期（Term）一直没变。新的领导者也不会给 {old} 发消息：它已在配置之外，可以关机了。',
        },
      },
    },
    {
      text: {
        en: 'Your turn: {next} leads the four voters.',
        zh: '轮到你了：{next} 领导着四个投票成员。',
      },
      cues: [{ do: 'mark', name: 'next', pick: 'leader' }],
      until: {
        kind: 'all',
        of: [
          { kind: 'member', node: 'next', is: 'outside' },
          { kind: 'newLeader', not: 'next' },
        ],
      },
      focus: [{ kind: 'node', node: 'next' }],
      task: {
        goal: {
          en: 'Remove {next} as well, and see a third leader elected.',
          zh: '把 {next} 也移除，看第三个领导者被选出来。',
        },
        hint: {
          en: 'Click {next} in the drawing and choose “Remove from the cluster”. With {down2} still down, three voters are left and two of them run: enough.',
          zh: '在图中点击 {next}，选择“从集群中移除”。{down2} 仍宕机，剩下三个投票成员中有两个在运行：够了。',
        },
        done: {
          kind: 'all',
          of: [
            { kind: 'member', node: 'next', is: 'outside' },
            { kind: 'newLeader', not: 'next' },
          ],
        },
        solution: [{ do: 'removeServer', node: 'next' }],
        maxMs: 2000,
      },
    },
  ],
};
