// Each kind of message a student should tell apart has a look of its own, the legend lists every
// look, and TimeoutNow (thesis §3.10) is one of them: a look and a glyph no other message wears.
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
  ['clientRequest', m({ kind: 'ClientRequest' })],
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
});
