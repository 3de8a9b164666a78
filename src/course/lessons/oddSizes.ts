// Lesson 11 (course layer): why clusters have an odd size. The same test on 3, 4, 5 and 6
// servers — crash followers, then write — shows that a fourth server adds no failure tolerance
// over three, and a sixth none over five, because the majority grows with it. The crashes are
// on screen before any question (the facts bar then says no majority is left), so the even
// sizes ask what the leader will do with the write rather than only whether it commits.
import type { Condition, Cue, Focus, Prediction, Words } from '../types';
import type { Lesson, LessonSettings } from '../types';

const SEED = 11;

/** A fresh cluster of `nodes` servers. */
const size = (nodes: number): LessonSettings => ({ nodes, seed: SEED });

/** The names of the followers a step crashes, in order. */
const DOWN = ['down1', 'down2', 'down3'];

/** The names of the followers still running after the crashes, in order. */
const UP = ['up', 'up2'];

/** Settle, crash `crashes` followers, then write through the leader. */
function crashThenWrite(crashes: number, running = 1): Cue[] {
  const down = DOWN.slice(0, crashes);
  return [
    { do: 'wait', until: { kind: 'logsAgree' } },
    { do: 'mark', name: 'chief', pick: 'leader' },
    ...down.map((name, nth): Cue => ({ do: 'mark', name, pick: 'follower', nth })),
    // Marked after the crashes' names are taken: the followers still running.
    ...UP.slice(0, running).map((name, nth): Cue => ({
      do: 'mark',
      name,
      pick: 'follower',
      except: down,
      nth,
    })),
    ...down.map((node): Cue => ({ do: 'crash', node })),
    { do: 'write', key: 'x', value: '1' },
  ];
}

function focusOn(crashes: number): Focus[] {
  return [
    ...DOWN.slice(0, crashes).map((node): Focus => ({ kind: 'node', node })),
    { kind: 'entry', node: 'all', index: 'last' },
  ];
}

const commits: Condition = { kind: 'committed', request: 'last', count: 1 };
const stuck: Condition = { kind: 'not', of: commits };

/** "Will x=1 commit?", with the reason shown after. */
function willCommit(question: Words, correct: 'yes' | 'no', why: Words): Prediction {
  return {
    question,
    answers: [
      { id: 'yes', text: { en: 'Yes, it will commit', zh: '会提交' }, when: commits },
      { id: 'no', text: { en: 'No, it will wait', zh: '不会，只能等着' }, when: stuck },
    ],
    correct,
    why,
  };
}

/**
 * The leader has heard every running follower store the write (x=1 is entry 2), so any commit
 * it could make with their copies would have happened by now.
 */
const heardFrom = (running: number): Condition => ({
  kind: 'all',
  of: UP.slice(0, running).map((node): Condition => ({
    kind: 'matchIndex',
    leader: 'chief',
    node,
    atLeast: 2,
  })),
});

/** The write is on the leader and its running followers and waits there, uncommitted. */
const storedNotCommitted = (running: number): Condition => ({
  kind: 'all',
  of: [heardFrom(running), stuck],
});

export const oddSizes: Lesson = {
  id: 'odd-sizes',
  title: { en: 'Why odd sizes', zh: '为什么用奇数台' },
  teaches: {
    en: 'A cluster of n servers survives the failure of fewer than half of them, so 4 servers tolerate no more failures than 3, and 6 no more than 5.',
    zh: 'n 台服务器的集群能承受少于一半的故障，所以 4 台并不比 3 台多扛一台故障，6 台也不比 5 台多。',
  },
  settings: size(3),
  steps: [
    {
      text: {
        en: 'Three servers; a majority is two. One follower, {down1}, crashes, and a client writes x=1.',
        zh: '三台服务器，多数派（majority）是两台。一个跟随者（follower）{down1} 宕机了，客户端写入 x=1。',
      },
      cues: crashThenWrite(1),
      until: { kind: 'committed', request: 'last', count: 2 },
      maxMs: 1000,
      focus: focusOn(1),
      predict: willCommit(
        {
          en: 'With {down1} down, will x=1 commit?',
          zh: '{down1} 宕机了，x=1 会提交（commit）吗？',
        },
        'yes',
        {
          en: 'The leader and one follower are two of three: a majority. Three servers survive one failure.',
          zh: '领导者（leader）加一个跟随者是三台中的两台，是多数派。三台能承受一台故障。',
        },
      ),
    },
    {
      text: {
        en: 'Four servers: one more than before. A majority of four is three. Two followers, {down1} and {down2}, crash, and a client writes x=1.',
        zh: '四台服务器，比刚才多一台。四台的多数派是三台。两个跟随者 {down1} 和 {down2} 宕机，客户端写入 x=1。',
      },
      settings: size(4),
      cues: crashThenWrite(2),
      until: heardFrom(1),
      maxMs: 1000,
      focus: [...focusOn(2), { kind: 'field', field: 'commitIndex', node: 'chief' }],
      predict: {
        question: {
          en: 'Only {chief} and {up} are running. What will {chief} do with x=1?',
          zh: '只有 {chief} 和 {up} 在运行。{chief} 会怎么处理 x=1？',
        },
        answers: [
          {
            id: 'refuse',
            text: { en: 'Turn it away: no majority', zh: '拒绝它：没有多数派' },
            when: { kind: 'not', of: { kind: 'logLength', node: 'chief', atLeast: 2 } },
          },
          {
            id: 'wait',
            text: {
              en: 'Store it on both, but not commit it',
              zh: '两台都存下，但不提交',
            },
            when: storedNotCommitted(1),
          },
          { id: 'commit', text: { en: 'Commit it', zh: '提交它' }, when: commits },
        ],
        correct: 'wait',
        why: {
          en: '{chief} appends x=1 and {up} stores it, but two of four is half, not a majority, so {chief} never counts it committed. Like three servers, four survive only one failure: the extra server bought nothing.',
          zh: '{chief} 追加了 x=1，{up} 也存下了，但四台中的两台只是一半，不是多数派，所以 {chief} 始终不算它已提交。和三台一样，四台也只能承受一台故障：多出的那台没有带来任何好处。',
        },
      },
    },
    {
      text: {
        en: 'Five servers: a majority is three. Two followers, {down1} and {down2}, crash, and a client writes x=1.',
        zh: '五台服务器，多数派是三台。两个跟随者 {down1} 和 {down2} 宕机，客户端写入 x=1。',
      },
      settings: size(5),
      cues: crashThenWrite(2),
      until: { kind: 'committed', request: 'last', count: 3 },
      maxMs: 1000,
      focus: focusOn(2),
      predict: willCommit(
        {
          en: 'Two of five are down. Will x=1 commit?',
          zh: '五台中有两台宕机。x=1 会提交吗？',
        },
        'yes',
        {
          en: 'Three of five is a majority. Five servers survive two failures.',
          zh: '五台中的三台是多数派。五台能承受两台故障。',
        },
      ),
    },
    {
      text: {
        en: 'Six servers: a majority is four. Three followers, {down1}, {down2} and {down3}, crash, and a client writes x=1.',
        zh: '六台服务器，多数派是四台。三个跟随者 {down1}、{down2}、{down3} 宕机，客户端写入 x=1。',
      },
      settings: size(6),
      cues: crashThenWrite(3, 2),
      until: heardFrom(2),
      maxMs: 1000,
      focus: [...focusOn(3), { kind: 'field', field: 'commitIndex', node: 'chief' }],
      predict: willCommit(
        {
          en: 'Three servers are still running, one more than in the five-server cluster, where x=1 committed. Will it commit here once {chief} hears back from {up} and {up2}?',
          zh: '还有三台在运行，比刚才五台集群里多一台，那时 x=1 提交了。等 {chief} 收到 {up} 和 {up2} 的回复，这里的 x=1 会提交吗？',
        },
        'no',
        {
          en: 'Three of six is half, not a majority. Six servers survive two failures, exactly as five do, and need one more machine to do it.',
          zh: '六台中的三台只是一半，不是多数派。六台和五台一样只能承受两台故障，却多用了一台机器。',
        },
      ),
    },
    {
      text: {
        en: 'Your turn: x=1 is waiting on the six-server cluster.',
        zh: '轮到你了：六台集群里的 x=1 还在等待。',
      },
      until: commits,
      focus: [{ kind: 'entry', node: 'chief', index: 'last' }],
      task: {
        goal: {
          en: 'Restart as few servers as you can so that x=1 commits.',
          zh: '重启尽量少的服务器，让 x=1 提交。',
        },
        hint: {
          en: 'A majority of six is four, and three are running. Click a crashed server and choose Restart.',
          zh: '六台的多数派是四台，现在有三台在运行。点击一台宕机的服务器，选择“重启”。',
        },
        done: commits,
        solution: [{ do: 'restart', node: 'down1' }],
        maxMs: 1000,
      },
    },
  ],
};
