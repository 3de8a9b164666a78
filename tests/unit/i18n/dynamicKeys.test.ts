// Keys the UI builds at run time (tabs, stages, event sentences, lessons) exist in both languages.
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/sim';
import { makeTranslate } from '../../../src/ui/i18n';
import { EVENT_KINDS } from '../../../src/ui/panels/eventText';

const keys = [
  ...['course', 'client', 'logs', 'state', 'events', 'inspect', 'settings'].map(
    (k) => `app.tab.${k}`,
  ),
  ...['leaderElected', 'termChanges', 'entryCommits'].flatMap((k) => [
    `app.pauseWhen.${k}`,
    `app.pausedBecause.${k}`,
  ]),
  ...['election', 'crash', 'partition', 'membership'].map((k) => `app.marker.${k}`),
  ...[
    'sent',
    'forwarded',
    'appended',
    'replaced',
    'noted',
    'confirmed',
    'committed',
    'applied',
    'acknowledged',
    'failed',
  ].map((k) => `app.request.stage.${k}`),
  ...EVENT_KINDS.map((k) => `app.events.kind.${k}`),
  ...['dropped', 'partitioned', 'receiverdown'].map((k) => `app.ev.reason.${k}`),
  ...[
    'crash',
    'restart',
    'setDisk',
    'partition',
    'cut',
    'cutOneWay',
    'restore',
    'heal',
    'drop',
    'write',
    'timeout',
    'fault',
    'addServer',
    'addLearner',
    'removeServer',
    'changeVoters',
    'transferLeadership',
    'read',
    'compact',
    'restartSnapshot',
  ].map((k) => `app.ev.act.${k}`),
  ...['readIndex', 'lease', 'local'].flatMap((k) => [
    `read.mode.${k}`,
    `read.client.modeOption.${k}`,
    `app.ev.readAnswered.${k}`,
  ]),
  ...['learner', 'removed', 'joining', 'oldOnly', 'newOnly', 'transfer'].map(
    (k) => `member.tag.${k}`,
  ),
  ...['voter', 'learner', 'outside'].map((k) => `member.value.${k}`),
  ...['learner', 'outside'].map((k) => `member.short.${k}`),
  ...['addLearner', 'promote', 'remove', 'enterJoint', 'leaveJoint'].map((k) => `member.cmd.${k}`),
  ...['transfer', 'remove'].map((k) => `member.menu.${k}`),
  ...['Granted', 'Denied', 'PreGranted', 'PreDenied'].map((k) => `app.ev.vote${k}`),
  ...RULE_IDS.map((k) => `app.safety.rule.${k}`),
  ...['probe', 'replicate', 'snapshot'].map((k) => `visual.flow.${k}`),
];

describe('keys built at run time', () => {
  it.each(['en', 'zh'] as const)('all exist in %s', (language) => {
    const t = makeTranslate(language);
    expect(keys.filter((k) => t(k).startsWith('⟦'))).toEqual([]);
  });
});
