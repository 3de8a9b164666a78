// One message's look, drawn at (0, 0): shape and colour by kind, with its glyph (entry count,
// ✓/✗, letter; T on TimeoutNow's triangle, S on InstallSnapshot's stacked sheets, R on a read).
// Shared by the cluster view's messages and the legend so the two always agree.
import { memo } from 'react';
import type { MessageLook } from '../../layout/messageLook';
import { circlePath, polygonPath } from '../../layout/shapes';

const SHAPES: Record<MessageLook, string> = {
  requestVote: polygonPath(4, 13),
  preVote: polygonPath(4, 13),
  voteGranted: circlePath(11),
  voteDenied: circlePath(11),
  // Pointing up, like a starting gun: the leader tells a voter to stand now (§3.10).
  timeoutNow: polygonPath(3, 16),
  heartbeat: circlePath(6),
  append: 'M-15,-10h30v20h-30z',
  appendOk: 'M-9,-9h18v18h-18z',
  appendRejected: 'M-9,-9h18v18h-18z',
  // Two sheets, one behind the other: a whole state machine in one message (§5).
  installSnapshot: 'M-11,-13h28v20h-28zM-17,-7h28v20h-28z',
  // A pentagon for the follower's question, a pill for the leader's answer (the read index).
  readIndex: polygonPath(5, 14),
  readIndexReply: 'M-13,-11h26a11,11 0 0 1 0,22h-26a11,11 0 0 1 0,-22z',
  clientRequest: 'M-10,-11h20a11,11 0 0 1 0,22h-20a11,11 0 0 1 0,-22z',
  clientReply: 'M-10,-11h20a11,11 0 0 1 0,22h-20a11,11 0 0 1 0,-22z',
};

/** `scale` grows the shape only: its glyph's text already has its size from the text tokens. */
export const FlightMark = memo(function FlightMark(props: {
  look: MessageLook;
  glyph: string;
  scale?: number;
}) {
  const { look, glyph, scale = 1 } = props;
  return (
    <g className={`rl-msg rl-msg-${look}`}>
      <path
        d={SHAPES[look]}
        className="rl-msg-body"
        transform={scale === 1 ? undefined : `scale(${scale})`}
      />
      {glyph && (
        <text className="rl-msg-glyph" dy="0.35em" textAnchor="middle">
          {glyph}
        </text>
      )}
    </g>
  );
});
