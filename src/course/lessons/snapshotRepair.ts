// Lesson 20 (course layer): log compaction and InstallSnapshot (Raft thesis ch. 5). A leader
// compacts what it has applied into a snapshot, so a follower that was down for those entries
// can no longer be sent them; the leader sends its snapshot instead. A restarted server loads
// its own snapshot: its commit index starts there, not at 0.
import type { Condition, Cue, Lesson } from '../types';

/** Twenty writes to four keys (a, b, c, d), enough to make a log worth compacting. */
const TWENTY_WRITES: readonly Cue[] = Array.from({ length: 20 }, (_, i) => ({
  do: 'write' as const,
  key: 'abcd'[i % 4]!,
  value: String(i + 1),
}));

/** The lesson's requests: the twenty writes (1–20), then e, f and g (21–23). */
const LAST_BEFORE_SNAPSHOT = 20;

const lagHasSnapshot: Condition = {
  kind: 'snapshotAt',
  node: 'lagger',
  request: LAST_BEFORE_SNAPSHOT,
};
const peerHasSnapshot: Condition = { kind: 'snapshotAt', node: 'peer', request: 'last' };

export const snapshotRepair: Lesson = {
  id: 'snapshot-repair',
  title: { en: 'Snapshots and InstallSnapshot', zh: '快照与安装快照' },
  teaches: {
    en: 'A server compacts its applied log into a snapshot; a follower that needs entries the leader no longer has gets the snapshot (InstallSnapshot), and a restart loads it.',
    zh: '服务器把已应用的日志压缩成快照（Snapshot）；跟随者需要的条目领导者已不再保存时，领导者直接发送快照（InstallSnapshot）；服务器重启时也从快照恢复。',
  },
  settings: { nodes: 3, seed: 20 },
  steps: [
    {
      text: {
        en: 'Three servers elect a leader. Every write adds an entry to the log, and a log that only grows would one day fill the disk and take ages to replay after a restart.',
        zh: '三台服务器选出一个领导者（Leader）。每次写入都给日志（Log）添一个条目；只增不减的日志总有一天会占满磁盘，重启后重放也要花很久。',
      },
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: '{lagger} crashes. Meanwhile clients write twenty values to the keys a, b, c and d; they commit on {chief} and {peer}.',
        zh: '{lagger} 宕机了。与此同时，客户端向 a、b、c、d 四个键写入二十个值；它们在 {chief} 和 {peer} 上提交（Commit）了。',
      },
      cues: [
        { do: 'mark', name: 'chief', pick: 'leader' },
        { do: 'mark', name: 'lagger', pick: 'follower', nth: 0 },
        { do: 'mark', name: 'peer', pick: 'follower', nth: 1 },
        { do: 'crash', node: 'lagger' },
        ...TWENTY_WRITES,
      ],
      until: { kind: 'committed', request: 'last' },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'lagger' },
        { kind: 'entry', node: 'chief', index: 'last' },
      ],
    },
    {
      text: {
        en: '{chief} compacts its log: everything it has applied becomes one snapshot (the keys and values, the configuration, and the index and term of the last entry it covers), and those entries leave the log. Indexes keep counting: the next writes, e, f and g, follow the snapshot. Real servers do this by themselves every so many entries.',
        zh: '{chief} 压缩它的日志：所有已应用的内容变成一个快照（Snapshot）——键值、集群配置，以及它覆盖的最后一个条目的索引和任期（Term）——这些条目随之离开日志。索引继续往后数：接下来的写入 e、f、g 排在快照之后。真实的服务器每隔若干条目就会自动这样做。',
      },
      cues: [
        { do: 'compact', node: 'chief' },
        { do: 'write', key: 'e', value: '21' },
        { do: 'write', key: 'f', value: '22' },
        { do: 'write', key: 'g', value: '23' },
      ],
      until: { kind: 'committed', request: 'last' },
      maxMs: 1000,
      focus: [
        { kind: 'snapshot', node: 'chief' },
        { kind: 'entry', node: 'chief', index: 'last' },
      ],
    },
    {
      text: {
        en: '{lagger} restarts. Its log ends long before the snapshot, and {chief} no longer holds the entries it is missing.',
        zh: '{lagger} 重启了。它的日志远在快照之前就结束了，而它缺少的那些条目，{chief} 已经不再保存。',
      },
      cues: [{ do: 'restart', node: 'lagger' }],
      until: { kind: 'all', of: [{ kind: 'logsAgree' }, lagHasSnapshot] },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'lagger' },
        { kind: 'message', message: 'InstallSnapshot' },
        { kind: 'snapshot', node: 'lagger' },
      ],
      predict: {
        question: {
          en: 'How will {lagger} catch up?',
          zh: '{lagger} 会怎样追上进度？',
        },
        answers: [
          {
            id: 'snapshot',
            text: {
              en: '{chief} sends it the snapshot, then e, f and g',
              zh: '{chief} 把快照发给它，再发 e、f、g',
            },
            when: lagHasSnapshot,
          },
          {
            id: 'entries',
            text: {
              en: 'It gets every missing entry, one by one',
              zh: '它逐条拿到所有缺少的条目',
            },
            when: { kind: 'all', of: [{ kind: 'logsAgree' }, { kind: 'not', of: lagHasSnapshot }] },
          },
          {
            id: 'never',
            text: {
              en: 'It cannot: those entries are gone',
              zh: '追不上：那些条目已经没了',
            },
            when: { kind: 'not', of: { kind: 'logsAgree' } },
          },
        ],
        correct: 'snapshot',
        why: {
          en: '{lagger} rejects the first AppendEntries, so {chief} steps back to find where their logs match. That point lies inside its snapshot, so it sends InstallSnapshot instead. {lagger} drops the log the snapshot replaces, takes the snapshot’s state machine, and then receives e, f and g as usual.',
          zh: '{lagger} 拒绝了第一条追加条目（AppendEntries）消息，于是 {chief} 往回找两份日志一致的位置。这个位置落在它的快照之内，所以它改发安装快照（InstallSnapshot）消息。{lagger} 丢弃被快照取代的日志，接收快照中的状态机（State Machine），再照常收到 e、f、g。',
        },
      },
    },
    {
      text: {
        en: '{lagger} crashes again and restarts at once. Its memory is wiped; its disk keeps the snapshot and the entries after it.',
        zh: '{lagger} 再次宕机并立即重启。它内存里的状态全部丢失；磁盘上保留着快照和快照之后的条目。',
      },
      cues: [
        { do: 'crash', node: 'lagger' },
        { do: 'restart', node: 'lagger' },
      ],
      until: { kind: 'alive', node: 'lagger', alive: true },
      focus: [
        { kind: 'field', field: 'commitIndex', node: 'lagger' },
        { kind: 'field', field: 'lastApplied', node: 'lagger' },
        { kind: 'snapshot', node: 'lagger' },
      ],
      predict: {
        question: {
          en: 'Where will {lagger}’s commit index start?',
          zh: '{lagger} 的提交索引（commitIndex）会从哪里开始？',
        },
        answers: [
          {
            id: 'snapshot',
            text: {
              en: 'At the last index its snapshot covers',
              zh: '从快照覆盖的最后一个索引开始',
            },
            when: { kind: 'committed', request: LAST_BEFORE_SNAPSHOT },
          },
          {
            id: 'zero',
            text: {
              en: 'At 0, until the leader says what is committed',
              zh: '从 0 开始，直到领导者告诉它哪些已提交',
            },
            when: { kind: 'not', of: { kind: 'committed', request: LAST_BEFORE_SNAPSHOT } },
          },
        ],
        correct: 'snapshot',
        why: {
          en: 'Only committed entries are ever compacted, so a snapshot is committed by definition. {lagger} loads it as its state machine: its commit index and last applied index start at the snapshot’s last index. Only e, f and g wait for the leader’s next heartbeat.',
          zh: '只有已提交的条目才会被压缩，所以快照里的内容一定是已提交的。{lagger} 把快照载入为自己的状态机：它的提交索引和最后应用索引（lastApplied）都从快照的最后一个索引开始。只有 e、f、g 要等领导者的下一次心跳（Heartbeat）。',
        },
      },
    },
    {
      text: {
        en: 'Your turn: {peer} still holds every entry since the first.',
        zh: '轮到你了：{peer} 仍保存着从第一个条目起的全部日志。',
      },
      until: peerHasSnapshot,
      focus: [{ kind: 'node', node: 'peer' }],
      task: {
        goal: {
          en: 'Compact {peer}’s log, so that its snapshot covers g=23.',
          zh: '压缩 {peer} 的日志，让它的快照覆盖 g=23。',
        },
        hint: {
          en: 'Click {peer} in the drawing and choose “Take a snapshot now”.',
          zh: '在图中点击 {peer}，选择“立即生成快照（Snapshot）”。',
        },
        done: peerHasSnapshot,
        solution: [{ do: 'compact', node: 'peer' }],
        maxMs: 1000,
      },
    },
  ],
};
