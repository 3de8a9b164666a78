// Layout layer: the outline of each role and message look as SVG path data centred on (0, 0),
// so a role reads by shape as well as colour (follower circle, candidate diamond, leader hexagon).
import { path } from 'd3-path';
import type { Role } from '../raft';

/** A regular polygon of `sides` corners, first corner at `rotation` radians. */
export function polygonPath(sides: number, r: number, rotation = -Math.PI / 2): string {
  const p = path();
  for (let i = 0; i < sides; i++) {
    const a = rotation + (i * 2 * Math.PI) / sides;
    if (i === 0) p.moveTo(r * Math.cos(a), r * Math.sin(a));
    else p.lineTo(r * Math.cos(a), r * Math.sin(a));
  }
  p.closePath();
  return p.toString();
}

export function circlePath(r: number): string {
  const p = path();
  p.arc(0, 0, r, 0, 2 * Math.PI);
  p.closePath();
  return p.toString();
}

/** Role outline: follower ●, pre-candidate and candidate ◆ (pre-candidate dashed), leader ⬢. */
export function roleShape(role: Role, r: number): string {
  switch (role) {
    case 'follower':
      return circlePath(r);
    case 'precandidate':
    case 'candidate':
      return polygonPath(4, r * 1.18);
    case 'leader':
      return polygonPath(6, r * 1.1, 0);
  }
}

/** A small cross (lost message, crashed node): two strokes through the centre. */
export function crossPath(r: number): string {
  const p = path();
  p.moveTo(-r, -r);
  p.lineTo(r, r);
  p.moveTo(r, -r);
  p.lineTo(-r, r);
  return p.toString();
}

/** A burst of `rays` short rays around the centre, where a message died. */
export function burstPath(inner: number, outer: number, rays = 8): string {
  const p = path();
  for (let i = 0; i < rays; i++) {
    const a = (i * 2 * Math.PI) / rays;
    p.moveTo(inner * Math.cos(a), inner * Math.sin(a));
    p.lineTo(outer * Math.cos(a), outer * Math.sin(a));
  }
  return p.toString();
}
