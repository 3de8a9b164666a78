// "Chinese, always": every sentence the 中文 screen builds — each kind of event in the log, each
// reason, finding and rule, each message name and summary, each inspector field — is Chinese
// but for the protocol's own words; a crash is 宕机, never 崩溃; and no space sits between two
// Chinese characters, also once parameters (a Chinese message name, a reason) are put in.
import { describe, expect, it } from 'vitest';
import type { Translate } from '../../../src/ui/i18n/types';
import { RULE_IDS, createSimulation } from '../../../src/sim';
import type { TraceEvent } from '../../../src/sim';
import { FrameProjector } from '../../../src/store/frame';
import type { Frame } from '../../../src/store/frame';
import { dictionaries, makeTranslate } from '../../../src/ui/i18n';
import { describeFinding, describeReason, ruleName } from '../../../src/ui/i18n/codes';
import { describeTraceEvent } from '../../../src/ui/panels/eventText';
import { messageName, messageSummary } from '../../../src/ui/panels/messageText';
import { nodeFields } from '../../../src/ui/inspect/nodeFields';
import { flightFields } from '../../../src/ui/inspect/flightFields';
import { AFTER, FINDINGS, MESSAGES, REASONS, everyEvent } from './everyEvent';
import {
  FIGURE_2_NAMES,
  GLOSSARY,
  NOT_THE_WORD_FOR_CRASH,
  PROTOCOL_WORDS,
  englishWords,
  straySpaces,
} from './zhRules';

const zh = makeTranslate('zh');

/** zh, remembering every key asked for, so a test can prove it reached every sentence. */
function recording(): { t: Translate; used: Set<string> } {
  const used = new Set<string>();
  return { used, t: (key, params) => (used.add(key), zh(key, params)) };
}

/** Frames of a seeded run with leaders, candidates, a crashed node and messages being lost. */
function frames(): Frame[] {
  const sim = createSimulation({ seed: 5, nodes: 5, preVote: true, clientTimeoutMs: 400 });
  const projector = new FrameProjector();
  const all: Frame[] = [];
  sim.subscribe((e: TraceEvent) => void all.push(projector.project(sim, e)));
  sim.runUntil((s) => s.leader() !== null, 3000);
  sim.write('x', '1');
  sim.runFor(200);
  sim.setDropRate(0.3);
  sim.crash(2);
  sim.partition([
    [1, 3],
    [4, 5, 2],
  ]);
  sim.write('y', '2', 4);
  sim.runFor(800);
  return all;
}

const events = everyEvent();
const eventLines = (() => {
  const { t, used } = recording();
  const lines = events.map((e) => describeTraceEvent(e, t, AFTER.get(e)));
  return { lines, used };
})();

const codeLines = [
  ...REASONS.map((r) => [`reason.${r.code}`, describeReason(r, zh)]),
  ...FINDINGS.map((f) => [`finding.${f.code}`, describeFinding(f, zh)]),
  ...RULE_IDS.map((id) => [`rule.${id}`, ruleName(id, zh)]),
];

const messageLines = MESSAGES.flatMap((m) => [
  messageName(m, zh),
  messageName(m, zh, true),
  messageSummary(m, zh),
]);

const inspector = (() => {
  const all = frames();
  const sample = all.filter((_, i) => i % 7 === 0);
  const fields = sample.flatMap((f) => [
    ...f.nodes.flatMap((n) => nodeFields(n, f, zh)),
    ...f.flights.flatMap((m) => flightFields(m, zh)),
  ]);
  return { fields, frames: sample };
})();

/** Every sentence these tests render, with where it came from, each once. */
const rendered: [from: string, text: string][] = unique([
  ...eventLines.lines.map((l, i): [string, string] => [`event ${events[i]!.kind}`, l]),
  ...codeLines.map(([k, l]): [string, string] => [k!, l!]),
  ...messageLines.map((l): [string, string] => ['message', l]),
  ...inspector.fields.flatMap((f): [string, string][] => [
    [`field ${f.name}`, f.gloss ?? ''],
    [`field ${f.name}`, f.value],
  ]),
]);

function unique(lines: [string, string][]): [string, string][] {
  const seen = new Map(lines.map(([from, text]) => [`${from}\n${text}`, [from, text] as const]));
  return [...seen.values()].map(([from, text]) => [from, text]);
}

describe('the 中文 screen renders every kind of text it has', () => {
  it('words every branch of the event log: each app.ev key, message name and reason is used', () => {
    const en = Object.assign({}, ...dictionaries.map((d) => d.en)) as Record<string, string>;
    const needed = Object.keys(en).filter(
      (k) => /^app\.(ev|msg)\./.test(k) && !k.includes('#') && !k.endsWith('.a'),
    );
    const missed = needed.filter((k) => !eventLines.used.has(k) && !eventLines.used.has(`${k}.a`));
    expect(missed).toEqual([]);
  });

  it('looks at the inspector of leaders, candidates, crashed nodes and lost messages', () => {
    const nodes = inspector.frames.flatMap((f) => f.nodes);
    expect(new Set(nodes.map((n) => (n.alive ? n.role : 'crashed')))).toEqual(
      new Set(['leader', 'follower', 'candidate', 'precandidate', 'crashed']),
    );
    const flights = inspector.frames.flatMap((f) => f.flights);
    expect(flights.some((f) => f.lostAt !== null)).toBe(true);
    expect(new Set(flights.map((f) => f.message.kind)).size).toBeGreaterThanOrEqual(5);
  });
});

/** Every zh value of every dictionary part, as "key: text". */
const zhValues = dictionaries.flatMap((d) => Object.entries(d.zh));

/** The lines of `lines` that break a rule, with what broke it, e.g. "event lost: …  ⟵ 的 心跳". */
const breaking = (
  lines: readonly (readonly [string, string])[],
  rule: (text: string) => string[],
) =>
  lines.flatMap(([from, text]) => {
    const found = rule(text);
    return found.length ? [`${from}: ${text}  ⟵ ${found.join(' | ')}`] : [];
  });

/** Inspector fields quote Figure 2's names; the rules carry the paper's names for them. */
const allowedFor = (from: string) =>
  from.startsWith('field ')
    ? new Set([...PROTOCOL_WORDS, ...FIGURE_2_NAMES])
    : from.startsWith('rule.')
      ? GLOSSARY
      : PROTOCOL_WORDS;

describe('English in 中文', () => {
  it.each(['event', 'reason.', 'finding.', 'rule.', 'message', 'field '])(
    'every %s line has only protocol words in English',
    (kind) => {
      const lines = rendered.filter(([from]) => from.startsWith(kind));
      expect(lines.length).toBeGreaterThan(0);
      expect(breaking(lines, (text) => englishWords(text, allowedFor(kind)))).toEqual([]);
    },
  );

  it('quotes no English the simulator wrote (a runtime detail, a trace line)', () => {
    const text = rendered.map(([, l]) => l).join('\n');
    expect(text).not.toMatch(/boom|Worker threw|English detail/);
  });

  it('every inspector field has a Chinese gloss beside its Figure 2 name', () => {
    const bare = inspector.fields.filter((f) => !f.gloss || !/\p{Script=Han}/u.test(f.gloss));
    expect([...new Set(bare.map((f) => f.name))]).toEqual([]);
  });

  // Every part's words, other people's too, keep to the glossary the app uses on purpose.
  it('every dictionary keeps to the glossary', () => {
    expect(breaking(zhValues, (text) => englishWords(text, GLOSSARY))).toEqual([]);
  });

  it('finds the English it forbids, and lets data through', () => {
    expect(englishWords('S1 把 set x=1 写入，applied at index 2')).toEqual([
      'applied',
      'at',
      'index',
    ]);
    expect(englishWords('领导者 Leader S{id}，任期 Term {term}，12 ms')).toEqual([]);
    expect(englishWords('client 请求 #1')).toEqual(['client']);
  });
});

describe('宕机, the one word for a crash', () => {
  const says崩溃 = (text: string) => (text.includes(NOT_THE_WORD_FOR_CRASH) ? ['崩溃'] : []);

  it('is in no dictionary', () => {
    expect(breaking(zhValues, says崩溃)).toEqual([]);
  });

  it('is in no rendered sentence, and a crash is told with 宕机', () => {
    expect(breaking(rendered, says崩溃)).toEqual([]);
    expect(zh('visual.node.crashed')).toContain('宕机');
    expect(zh('visual.menu.crash')).toContain('宕机');
    expect(zh('visual.node.labelCrashed', { name: 'S1', term: 2 })).toContain('宕机');
    expect(zh('app.ev.act.crash', { node: 'S1' })).toContain('宕机');
  });
});

describe('no stray space in 中文', () => {
  it('in any dictionary', () => {
    expect(breaking(zhValues, straySpaces)).toEqual([]);
  });

  it('in any rendered sentence, once its parameters are in', () => {
    expect(breaking(rendered, straySpaces)).toEqual([]);
  });

  it('a Chinese message name put into a sentence leaves no space around it', () => {
    const heartbeat = MESSAGES.find((m) => m.kind === 'AppendEntries' && m.entries.length === 0)!;
    const lost = { kind: 'lost', seq: 1, at: 1, message: heartbeat, reason: 'dropped' } as const;
    expect(describeTraceEvent(lost as TraceEvent, zh)).toBe(
      'S1 发给 S2 的心跳丢失了（被网络丢弃）',
    );
  });

  it('finds the spaces it forbids', () => {
    expect(straySpaces('的 心跳 丢失')).toHaveLength(2);
    expect(straySpaces('失败 ：原因')).toHaveLength(1);
    expect(straySpaces('S1 发给 S2 的 AppendEntries')).toEqual([]);
  });
});
