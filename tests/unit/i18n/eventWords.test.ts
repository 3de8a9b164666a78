// The event log words every action and every client outcome from the data its event carries,
// never from the simulator's English text: in 中文 no English sentence of the simulator is left
// ("link S1–S2 cut", "restarted with term 1, log 0", "applied at index 2", "client request #1").
import { describe, expect, it } from 'vitest';
import { makeTranslate } from '../../../src/ui/i18n';
import { describeTraceEvent } from '../../../src/ui/panels/eventText';
import { seededRun } from './everyEvent';

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
