// Lesson 7 (course layer): repairing a follower that missed entries — its AppendEntries reply
// rejects, the leader moves nextIndex back using the reply's hint, and matchIndex moves only on
// success. A short log's hint is where it ends, so nextIndex jumps there in one step.
import type { Lesson } from '../types';

export const repair: Lesson = {
  id: 'repair',
  title: { en: 'Catching a follower up', zh: '给落后的跟随者补日志' },
  teaches: {
    en: 'A follower that missed entries rejects the leader’s next AppendEntries; the leader steps its nextIndex back and resends until the logs match.',
    zh: '错过了条目的跟随者（follower）会拒绝领导者（leader）的下一条追加条目（AppendEntries）；领导者把 nextIndex 往回退并重发，直到日志（log）对上为止。',
  },
  settings: { nodes: 5, seed: 5, latencyMs: [15, 15] },
  steps: [
    {
      text: {
        en: 'For each follower the leader keeps two numbers: nextIndex, the next entry it will send, and matchIndex, the last entry it knows the follower stores.',
        zh: '领导者（leader）为每个跟随者（follower）记着两个数：nextIndex 是下一条要发给它的条目，matchIndex 是已确认它保存了的最后一条。',
      },
      until: { kind: 'logsAgree' },
      focus: [
        { kind: 'field', field: 'nextIndex', node: 'leader' },
        { kind: 'field', field: 'matchIndex', node: 'leader' },
      ],
    },
    {
      text: {
        en: '{lag} crashes, and the client writes a=1, b=2 and c=3. {lead} keeps sending to {lag}: its nextIndex for {lag} moves on with each send, but matchIndex stays put, since no reply confirms anything.',
        zh: '{lag} 宕机了，客户端写入 a=1、b=2、c=3。{lead} 仍在给 {lag} 发送：它为 {lag} 记的 nextIndex 随每次发送往前走，但 matchIndex 不动，因为没有回复确认任何东西。',
      },
      cues: [
        { do: 'mark', name: 'lead', pick: 'leader' },
        { do: 'mark', name: 'lag', pick: 'follower' },
        { do: 'crash', node: 'lag' },
        { do: 'write', key: 'a', value: '1' },
        { do: 'write', key: 'b', value: '2' },
        { do: 'write', key: 'c', value: '3' },
      ],
      until: { kind: 'committed', request: 'last' },
      focus: [
        { kind: 'node', node: 'lag' },
        { kind: 'field', field: 'nextIndex', node: 'lead' },
        { kind: 'field', field: 'matchIndex', node: 'lead' },
      ],
    },
    {
      text: {
        en: '{lag} restarts with only the first entry. {lead}’s next heartbeat will say prevLogIndex 4, past the end of {lag}’s log, so {lag} will reject it and say where its log ends.',
        zh: '{lag} 重启了，日志（log）里只有第一条。{lead} 的下一次心跳（heartbeat）会写着 prevLogIndex 为 4，超出了 {lag} 日志的末尾，所以 {lag} 会拒绝它，并告诉领导者自己的日志在哪里结束。',
      },
      cues: [{ do: 'restart', node: 'lag' }],
      // Ends once {lead} has heard {lag}'s success, so matchIndex is seen reaching 4.
      until: {
        kind: 'all',
        of: [
          { kind: 'logsAgree' },
          { kind: 'matchIndex', leader: 'lead', node: 'lag', atLeast: 4 },
        ],
      },
      focus: [
        { kind: 'message', message: 'AppendEntriesReply' },
        { kind: 'field', field: 'nextIndex', node: 'lead' },
        { kind: 'field', field: 'matchIndex', node: 'lead' },
        { kind: 'entry', node: 'lag', index: 1 },
      ],
      predict: {
        question: {
          en: 'No new write is coming. Will {lag} get a=1, b=2 and c=3?',
          zh: '不会再有新的写入了。{lag} 能拿到 a=1、b=2、c=3 吗？',
        },
        answers: [
          {
            id: 'resend',
            text: {
              en: 'Yes: {lead} will resend what {lag} lacks',
              zh: '能：{lead} 会重发 {lag} 缺的条目',
            },
            when: { kind: 'logLength', node: 'lag', atLeast: 4 },
          },
          {
            id: 'never',
            text: {
              en: 'No: it will only get entries written from now on',
              zh: '不能：它只能拿到从现在起的新写入',
            },
            when: { kind: 'not', of: { kind: 'logLength', node: 'lag', atLeast: 4 } },
          },
        ],
        correct: 'resend',
        why: {
          en: 'The rejection told {lead} where {lag}’s log ends, so {lead} moved nextIndex straight back to 2 and sent entries 2 to 4 at once. matchIndex rises to 4 only when {lag}’s success reply arrives.',
          zh: '拒绝消息告诉了 {lead}：{lag} 的日志在哪里结束。于是 {lead} 把 nextIndex 直接退回 2，立即发送第 2 到第 4 条。只有等 {lag} 成功的回复到达，matchIndex 才会升到 4。',
        },
      },
    },
    {
      text: {
        en: 'Your turn. Now {lag2} has crashed: leave it behind, then bring it back and watch {lead}’s nextIndex and matchIndex for it.',
        zh: '轮到你了。现在 {lag2} 宕机了：先让它落后，再让它回来，看 {lead} 为它记的 nextIndex 和 matchIndex 怎么变。',
      },
      cues: [
        { do: 'mark', name: 'lag2', pick: 'follower', except: ['lag'] },
        { do: 'crash', node: 'lag2' },
      ],
      until: {
        kind: 'all',
        of: [
          { kind: 'alive', node: 'lag2', alive: true },
          { kind: 'logLength', node: 'lag2', atLeast: 5 },
          { kind: 'logsAgree' },
        ],
      },
      focus: [
        { kind: 'node', node: 'lag2' },
        { kind: 'field', field: 'nextIndex', node: 'lead' },
        { kind: 'field', field: 'matchIndex', node: 'lead' },
      ],
      task: {
        goal: {
          en: 'Write at least one value while {lag2} is down, then restart {lag2} and get its log to match {lead}’s.',
          zh: '在 {lag2} 宕机期间至少写入一个值，然后重启 {lag2}，让它的日志和 {lead} 的一致。',
        },
        hint: {
          en: 'Use the write button first. Then click {lag2} and choose Restart; its first reply will reject.',
          zh: '先用写入按钮写一个值。然后点击 {lag2} 选择“重启”；它的第一条回复会是拒绝。',
        },
        done: {
          kind: 'all',
          of: [
            { kind: 'alive', node: 'lag2', alive: true },
            { kind: 'logLength', node: 'lag2', atLeast: 5 },
            { kind: 'logsAgree' },
          ],
        },
        solution: [
          { do: 'write', key: 'd', value: '4' },
          { do: 'wait', until: { kind: 'committed', request: 'last' }, maxMs: 1_000 },
          { do: 'restart', node: 'lag2' },
        ],
        maxMs: 2_000,
      },
    },
  ],
};
