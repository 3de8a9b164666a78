// Each kind of message a student should tell apart has a look of its own, the legend lists every
// look, and TimeoutNow (thesis §3.10) is one of them: a look and a glyph no other message wears.
// So are InstallSnapshot (§5) and the follower's ReadIndex request and its reply (§6.4).
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/raft';
import { MESSAGE_LOOKS, messageGlyph, messageLook } from '../../../src/layout/messageLook';

const m = (fields: object) => fields as unknown as Message;
const entry = { term: 1, command: { kind: 'noop' } };

/** One message per look, in the legend's order. */
const SAMPLES: [string, Message][] = [
  ['requestVote', m({ kind: 'RequestVote', preVote: false })],
  ['preVote', m({ kind: 'RequestVote', preVote: true })],
  ['voteGranted', m({ kind: 'RequestVoteReply', voteGranted: true })],
  ['voteDenied', m({ kind: 'RequestVoteReply', voteGranted: false })],
  ['timeoutNow', m({ kind: 'TimeoutNow', term: 3 })],
  ['heartbeat', m({ kind: 'AppendEntries', entries: [] })],
  ['append', m({ kind: 'AppendEntries', entries: [entry, entry] })],
  ['appendOk', m({ kind: 'AppendEntriesReply', success: true })],
  ['appendRejected', m({ kind: 'AppendEntriesReply', success: false })],
  ['installSnapshot', m({ kind: 'InstallSnapshot', snapshot: { lastIncludedIndex: 120 } })],
  ['readIndex', m({ kind: 'ReadIndex', requestId: 7 })],
  ['readIndexReply', m({ kind: 'ReadIndexReply', requestId: 7, index: 12 })],
  ['clientRequest', m({ kind: 'ClientRequest', command: { kind: 'set', key: 'x', value: '1' } })],
  ['clientReply', m({ kind: 'ClientReply', ok: true })],
];

describe('message looks', () => {
  it.each(SAMPLES)('a %s message takes the look of that name', (look, message) => {
    expect(messageLook(message)).toBe(look);
  });

  it('the legend lists every look once, in order', () => {
    expect(MESSAGE_LOOKS).toEqual(SAMPLES.map(([look]) => look));
  });

  it('TimeoutNow is marked T, a glyph no other message carries', () => {
    const glyphs = SAMPLES.map(([, message]) => messageGlyph(message));
    expect(messageGlyph(SAMPLES[4]![1])).toBe('T');
    expect(glyphs.filter((g) => g === 'T')).toHaveLength(1);
  });

  const glyphOf = (look: string) => messageGlyph(SAMPLES.find(([l]) => l === look)![1]);

  it('InstallSnapshot is marked S, a glyph no other message carries', () => {
    const glyphs = SAMPLES.map(([, message]) => messageGlyph(message));
    expect(glyphOf('installSnapshot')).toBe('S');
    expect(glyphs.filter((g) => g === 'S')).toHaveLength(1);
  });

  it('the answer to a ReadIndex request carries the read index itself', () => {
    expect(glyphOf('readIndexReply')).toBe('12');
  });

  it.each([
    ['a read', 'R', { kind: 'read', key: 'x', mode: 'local' }],
    ['a write', 'W', { kind: 'set', key: 'x', value: '1' }],
    ['an append', 'W', { kind: 'append', key: 'x', value: 'a' }],
  ])('a client request for %s is marked %s', (_, glyph, command) => {
    expect(messageGlyph(m({ kind: 'ClientRequest', command }))).toBe(glyph);
  });
});
