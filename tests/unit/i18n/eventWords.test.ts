// The event log words every action and every client outcome from the data its event carries,
// never from the simulator's English text: in 中文 no English sentence of the simulator is left
// ("link S1–S2 cut", "restarted with term 1, log 0", "applied at index 2", "client request #1").
import { describe, expect, it } from 'vitest';
import { makeTranslate } from '../../../src/ui/i18n';
import { describeTraceEvent } from '../../../src/ui/panels/eventText';
import { AFTER, consistencyRun, seededRun } from './everyEvent';

const SIMULATOR_ENGLISH =
  /link S\d|restarted|disk set|client request #|applied at|no reply within|no leader known|network healed|drop rate|partition \{|election timer fired|crashed$/;

describe('the event log in 中文', () => {
  const events = seededRun();
  const zh = makeTranslate('zh');
  const worded = events
    .filter((e) => e.kind === 'action' || e.kind === 'client')
    .map((e) => describeTraceEvent(e, zh));

  it('covers every action kind and both client outcomes', () => {
    const kinds = new Set(
      events.flatMap((e) =>
        e.kind === 'action' ? [e.detail.do] : e.kind === 'client' ? [`client ${e.outcome}`] : [],
      ),
    );
    expect([...kinds].sort()).toEqual(
      [
        'addServer',
        'changeVoters',
        'client failed',
        'client ok',
        'crash',
        'cut',
        'drop',
        'heal',
        'partition',
        'removeServer',
        'restart',
        'restore',
        'setDisk',
        'timeout',
        'transferLeadership',
        'write',
      ].sort(),
    );
  });

  it.each(worded.map((w) => [w]))('"%s" has no sentence of the simulator in English', (text) => {
    expect(text).not.toMatch(SIMULATOR_ENGLISH);
    expect(text).not.toMatch(/⟦/);
  });

  it('says what each action did with its own numbers', () => {
    expect(worded).toContain('网络：S1–S2 之间的链路被切断');
    expect(worded).toContain('网络：从 S3 发往 S4 的消息被切断');
    expect(worded).toContain('丢包率设为 25%');
    expect(worded).toContain('网络被分区：{S1, S2} | {S3, S4, S5}');
    expect(worded.some((w) => /^客户端请求 #\d+ 失败：.*400/.test(w))).toBe(true);
  });

  it('words each membership action with its servers and request number', () => {
    const membership = worded.filter((w) => /客户端请(?!求)/.test(w));
    expect(membership).toHaveLength(5);
    expect(membership).toContainEqual(expect.stringMatching(/^S6 以空磁盘启动；.*加为投票成员/));
    expect(membership).toContainEqual(expect.stringMatching(/^S7 以空磁盘启动；.*加为学习者/));
    expect(membership).toContainEqual(expect.stringMatching(/把领导权交给 S\d（请求 #\d+）$/));
    expect(membership).toContainEqual(expect.stringMatching(/把投票成员改为 \{\d,\d,\d\}/));
  });
});

describe('snapshots, reads and sessions in the event log (thesis ch. 5 and 6)', () => {
  const events = consistencyRun();
  const words = (language: 'en' | 'zh') =>
    events.map((e) => describeTraceEvent(e, makeTranslate(language), AFTER.get(e)));
  const en = words('en');

  it.each([
    ['a server takes a snapshot', /^S\d took a snapshot up to \d+: its log now starts after it$/],
    ['a follower installs the leader’s snapshot', /^S\d installed S\d's snapshot up to \d+/],
    ['a restart loads the snapshot', /^S\d restarted from its disk and loaded its snapshot up to/],
    ['a local read is answered unchecked', /from its own state machine — nothing checked$/],
    ['a follower asks the leader for the read index', /asked its leader S\d for the read index/],
    ['a lease read is answered while the lease holds', /while its lease held$/],
    [
      'the client hears the value a read returned',
      /^The client got its answer: read #\d+ returned/,
    ],
  ])('says when %s', (_, pattern) => {
    expect(en.some((line) => pattern.test(line))).toBe(true);
  });

  it('says in 中文 what a snapshot and a read did, with no sentence of the simulator', () => {
    const zh = words('zh');
    expect(zh.some((l) => /^S\d 生成了到索引 \d+ 的快照（Snapshot）/.test(l))).toBe(true);
    expect(zh.some((l) => /载入了到索引 \d+ 的快照/.test(l))).toBe(true);
    expect(zh.filter((l) => SIMULATOR_ENGLISH.test(l) || l.includes('⟦'))).toEqual([]);
  });
});
