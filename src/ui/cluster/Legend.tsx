// The key to the cluster drawing: every role look and every message look, learners and servers
// outside the configuration, the client, the words beside nodes, faults, a lossy network and the
// two highlights (a lesson's pointer, a safety alarm), each drawn with the very components and
// classes the cluster view uses, next to a sentence saying what it means.
import type { ReactNode } from 'react';
import type { Role } from '../../sim';
import type { Translate } from '../i18n/types';
import { MESSAGE_LOOKS } from '../../layout/messageLook';
import type { MessageLook } from '../../layout/messageLook';
import { burstPath, crossPath, roleShape } from '../../layout/shapes';
import { FlightMark } from './FlightMark';
import { HighlightRing } from './HighlightRing';

const ROLES: readonly Role[] = ['follower', 'precandidate', 'candidate', 'leader'];
const GLYPH: Record<MessageLook, string> = {
  requestVote: 'V',
  preVote: 'P',
  voteGranted: '✓',
  voteDenied: '✗',
  timeoutNow: 'T',
  heartbeat: '',
  append: '3',
  appendOk: '✓',
  appendRejected: '✗',
  installSnapshot: 'S',
  readIndex: 'R',
  readIndexReply: '7',
  clientRequest: 'W',
  clientReply: '✓',
};

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="rl-legend-swatch" viewBox="-22 -22 44 44" aria-hidden="true">
      {children}
    </svg>
  );
}

function Item({ swatch, name, info }: { swatch: ReactNode; name: string; info: string }) {
  return (
    <li className="rl-legend-item">
      <Swatch>{swatch}</Swatch>
      <span>
        <strong>{name}</strong> <span className="rl-legend-info">{info}</span>
      </span>
    </li>
  );
}

export function Legend({ t }: { t: Translate }) {
  return (
    <section className="rl-legend" aria-label={t('visual.legend.title')}>
      <h3>{t('visual.legend.roles')}</h3>
      <ul>
        {ROLES.map((role) => (
          <Item
            key={role}
            name={t(`visual.role.${role}`)}
            info={t(`visual.legend.role.${role}`)}
            swatch={
              <g className={`rl-node rl-role-${role}`}>
                <path className="rl-node-body" d={roleShape(role, 14)} />
              </g>
            }
          />
        ))}
        <Item
          name={t('visual.node.crashed')}
          info={t('visual.legend.crashed')}
          swatch={
            <g className="rl-node rl-crashed">
              <path className="rl-node-body" d={roleShape('follower', 14)} />
              <path className="rl-node-cross" d={crossPath(8)} />
            </g>
          }
        />
        <Item
          name={t('visual.legend.learnerName')}
          info={t('visual.legend.learner')}
          swatch={
            <g className="rl-node rl-role-follower rl-member-learner">
              <circle className="rl-member-ring" r={18} />
              <path className="rl-node-body" d={roleShape('follower', 13)} />
            </g>
          }
        />
        <Item
          name={t('visual.legend.outsideName')}
          info={t('visual.legend.outside')}
          swatch={
            <g className="rl-node rl-role-follower rl-member-outside">
              <path className="rl-node-body" d={roleShape('follower', 14)} />
            </g>
          }
        />
        <Item
          name={t('visual.legend.cutOffName')}
          info={t('visual.legend.cutOff')}
          swatch={
            <g className="rl-node rl-cutoff rl-role-follower">
              <circle className="rl-cutoff-ring" r={19} />
              <path className="rl-node-body" d={roleShape('follower', 12)} />
            </g>
          }
        />
        <Item
          name={t('visual.legend.timerName')}
          info={t('visual.legend.timer')}
          swatch={
            <g>
              <circle className="rl-timer-track" r={16} />
              <circle
                className="rl-timer"
                r={16}
                pathLength={1}
                strokeDasharray="0.6 1"
                transform="rotate(-90)"
              />
            </g>
          }
        />
        <Item
          name={t('drawing.legend.faultName')}
          info={t('drawing.legend.fault')}
          swatch={
            <g className="rl-node rl-role-follower rl-faulted">
              <path className="rl-node-body" d={roleShape('follower', 12)} />
              <g className="rl-fault-badge" transform="translate(11,-11)">
                <circle r={9} />
                <text className="rl-fault-badge-text" dy="0.35em" textAnchor="middle">
                  !
                </text>
              </g>
            </g>
          }
        />
        <Item
          name={t('drawing.legend.wordsName')}
          info={t('drawing.legend.words')}
          swatch={
            <g className="rl-node rl-role-leader">
              <path
                className="rl-node-body"
                d={roleShape('leader', 9)}
                transform="translate(-10,0)"
              />
              <rect x={3} y={-9} width={17} height={5} rx={2} className="rl-legend-words" />
              <rect x={3} y={2} width={13} height={4} rx={2} className="rl-legend-words" />
            </g>
          }
        />
        <Item
          name={t('visual.cluster.client')}
          info={t('drawing.legend.client')}
          swatch={<rect x={-19} y={-12} width={38} height={24} rx={6} className="rl-client-body" />}
        />
        {(['focus', 'broken'] as const).map((kind) => (
          <Item
            key={kind}
            name={t(`rules.legend.${kind}Name`)}
            info={t(`rules.legend.${kind}`)}
            swatch={
              <g className="rl-node rl-role-follower">
                <HighlightRing kind={kind} radius={16} nodeRadius={12} still />
                <path className="rl-node-body" d={roleShape('follower', 11)} />
              </g>
            }
          />
        ))}
        <Item
          name={t('visual.legend.heartbeatName')}
          info={t('visual.legend.heartbeat')}
          swatch={
            <g className="rl-node rl-role-leader">
              <circle className="rl-pulse" r={18} opacity={0.6} />
              <path className="rl-node-body" d={roleShape('leader', 11)} />
            </g>
          }
        />
      </ul>
      <h3>{t('visual.legend.messages')}</h3>
      <ul>
        {MESSAGE_LOOKS.map((look) => (
          <Item
            key={look}
            name={t(`visual.look.${look}`)}
            info={t(`visual.lookInfo.${look}`)}
            swatch={<FlightMark look={look} glyph={GLYPH[look]} />}
          />
        ))}
        <Item
          name={t('visual.legend.lostName')}
          info={t('visual.legend.lost')}
          swatch={
            <g className="rl-dead">
              <path className="rl-dead-burst" d={burstPath(9, 20)} />
              <path className="rl-dead-cross" d={crossPath(9)} />
            </g>
          }
        />
        <Item
          name={t('visual.legend.brokenName')}
          info={t('visual.legend.broken')}
          swatch={
            <g className="rl-link rl-link-broken">
              <line className="rl-link-line" x1={-20} y1={0} x2={-6} y2={0} />
              <line className="rl-link-line" x1={6} y1={0} x2={20} y2={0} />
              <path className="rl-link-cut" d="M-5,-5L5,5M5,-5L-5,5" />
            </g>
          }
        />
        <Item
          name={t('drawing.legend.lossyName')}
          info={t('drawing.legend.lossy')}
          swatch={
            <g className="rl-link">
              <line
                className="rl-link-line rl-link-lossy"
                x1={-20}
                y1={0}
                x2={20}
                y2={0}
                style={{ strokeDasharray: '7 6', opacity: 0.55 }}
              />
            </g>
          }
        />
      </ul>
    </section>
  );
}
