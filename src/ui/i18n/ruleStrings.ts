// Words for breaking Figure 2 on purpose (UI layer): the "Break a rule" switches in Settings, the
// marker that says rules are off, the safety alarm's event and jump button, and the highlight
// marks the drawing, the log strip and the inspector describe. `ruleSwitchName` names one rule
// with the paper section it comes from, e.g. "one vote per term (§5.2)"; `describeRulesOff` lists
// the ones a run switched off.
import type { RuleSwitches } from '../../sim';
import type { Strings, Translate } from './types';

export type RuleSwitchName = keyof RuleSwitches;

/** Where each rule stands in the Raft paper (§4.1: in the Raft thesis, on membership changes). */
export const RULE_SECTIONS: Readonly<Record<RuleSwitchName, string>> = {
  electionRestriction: '§5.4.1',
  currentTermCommit: '§5.4.2',
  truncateOnlyOnConflict: '§5.3',
  oneVotePerTerm: '§5.2',
  oneChangeAtATime: '§4.1',
};

/** “one vote per term” (§5.2) / “每个任期只投一票”（§5.2）. */
export function ruleSwitchName(rule: RuleSwitchName, t: Translate): string {
  return t('rules.named', { name: t(`rules.name.${rule}`), section: RULE_SECTIONS[rule] });
}

/** The rules switched off, named and listed ("" while every rule is on). */
export function describeRulesOff(rules: RuleSwitches, t: Translate): string {
  return (Object.keys(rules) as RuleSwitchName[])
    .filter((r) => !rules[r])
    .map((r) => ruleSwitchName(r, t))
    .join(t('app.list.separator'));
}

export const ruleStrings: Strings = {
  en: {
    'rules.title': 'Break a rule',
    'rules.warning':
      'Switching a rule off makes Raft unsafe on purpose, so you can watch the safety checkers catch what goes wrong. Keep every rule on for a normal run.',
    'rules.apply': 'Restart with these rules',
    'rules.pending': 'Not in effect until you restart.',
    'rules.offTag': 'off',
    'rules.named': '“{name}” ({section})',
    'rules.name.electionRestriction': 'election restriction',
    'rules.why.electionRestriction':
      "Voters stop checking that a candidate's log is at least as up to date as their own, so a server that lacks committed entries can become leader and overwrite them.",
    'rules.name.currentTermCommit': 'commit by counting only current-term entries',
    'rules.why.currentTermCommit':
      'A leader may call an entry from an older term committed just because a majority holds it; a later leader can still replace it, and a committed entry is lost (Figure 8).',
    'rules.name.truncateOnlyOnConflict': 'truncate only on conflict',
    'rules.why.truncateOnlyOnConflict':
      'A follower cuts its log back at every AppendEntries, so a late or reordered message erases entries a newer one had already added, committed ones too.',
    'rules.name.oneVotePerTerm': 'one vote per term',
    'rules.why.oneVotePerTerm':
      'A server votes for every candidate that asks, so two candidates of the same term can both win a majority: two leaders.',
    'rules.name.oneChangeAtATime': 'one membership change at a time',
    'rules.why.oneChangeAtATime':
      'A leader starts a membership change before the last one is committed, so changes pile up: servers can then use configurations whose majorities share no server, and each side can elect its own leader.',
    'rules.off': '⚠ Rules off: {rules}',
    'rules.offTitle':
      'This run breaks Raft on purpose ({rules}). Switch them back on in Settings, under "Break a rule".',
    'rules.alarm.where': 'event {n} · t = {at} ms',
    'rules.alarm.goto': 'Go to event {n}',
    'rules.alarm.fold': 'Hide details',
    'rules.alarm.unfold': 'Show details',
    'rules.alarm.colon': ': ',
    'rules.alarm.expected': 'SAFETY VIOLATED — as expected, with {rules} switched off.',
    'rules.mark.broken': 'named by the failed safety check',
    'rules.mark.focus': 'the lesson points here',
    'rules.inspect.broken': '⚠ The failed safety check names this server.',
    'rules.legend.focusName': 'lesson pointer',
    'rules.legend.focus':
      'a dashed ring on a yellow glow: the lesson points here. Links, messages, log cells and inspector fields get the same dashed line.',
    'rules.legend.brokenName': 'safety alarm',
    'rules.legend.broken':
      'a solid red ring: a failed safety check names this server. Its log cells get the same solid line.',
  },
  zh: {
    'rules.title': '打破一条规则',
    'rules.warning':
      '关掉一条规则会故意让 Raft 变得不安全，好让你亲眼看到安全检查如何抓住出错的地方。正常运行时请让所有规则保持开启。',
    'rules.apply': '用这些规则重启',
    'rules.pending': '重启之后才会生效。',
    'rules.offTag': '已关闭',
    'rules.named': '“{name}”（{section}）',
    'rules.name.electionRestriction': '选举限制',
    'rules.why.electionRestriction':
      '投票的服务器不再检查候选人（Candidate）的日志（Log）是否至少和自己的一样新，于是缺少已提交（committed）条目的服务器也能当上领导者（Leader），再把那些条目覆盖掉。',
    'rules.name.currentTermCommit': '只靠计数提交当前任期的条目',
    'rules.why.currentTermCommit':
      '领导者（Leader）只因多数派（Majority）存有旧任期（Term）的某个条目，就把它算作已提交（committed）；之后的领导者仍可能把它换掉，已提交的条目就丢了（论文图 8）。',
    'rules.name.truncateOnlyOnConflict': '只在冲突时截断',
    'rules.why.truncateOnlyOnConflict':
      '跟随者（Follower）每收到一条 AppendEntries 都把日志（Log）从那里截断，于是一条迟到或乱序的消息会抹掉更新的消息已经追加的条目，连已提交的也不放过。',
    'rules.name.oneVotePerTerm': '每个任期只投一票',
    'rules.why.oneVotePerTerm':
      '服务器给每个来要票的候选人（Candidate）都投票，于是同一任期（Term）的两个候选人都能拿到多数派（Majority）的票：出现两个领导者（Leader）。',
    'rules.name.oneChangeAtATime': '一次只做一个成员变更',
    'rules.why.oneChangeAtATime':
      '领导者（Leader）在上一次成员变更提交（commit）之前就开始下一次，变更叠在一起：服务器可能用上多数派（Majority）互不相交的两个配置，两边各自选出自己的领导者。',
    'rules.off': '⚠ 已关闭的规则：{rules}',
    'rules.offTitle':
      '这次运行故意破坏了 Raft（{rules}）。可以在“设置”的“打破一条规则”里把它们重新打开。',
    'rules.alarm.where': '第 {n} 个事件 · {at} 毫秒时',
    'rules.alarm.goto': '跳到第 {n} 个事件',
    'rules.alarm.fold': '收起详情',
    'rules.alarm.unfold': '展开详情',
    'rules.alarm.colon': '：',
    'rules.alarm.expected': '安全性被破坏——这在意料之中：本次运行关闭了{rules}。',
    'rules.mark.broken': '被失败的安全检查点名',
    'rules.mark.focus': '课程正指着这里',
    'rules.inspect.broken': '⚠ 失败的安全检查点名了这台服务器。',
    'rules.legend.focusName': '课程指引',
    'rules.legend.focus':
      '黄色光晕上的虚线圈：课程正指着这里。链路、消息、日志格和检查器里的字段也用同样的虚线标出。',
    'rules.legend.brokenName': '安全警报',
    'rules.legend.broken':
      '红色实线圈：失败的安全检查点名了这台服务器。它的日志格也用同样的实线标出。',
  },
};
