// Why a shared run was refused (store layer), as codes with parameters: the UI words each one
// (share.problem.<code>) in the reader's language. `field` is a path into the run as a file
// shows it, e.g. "actions[3].at", so a person can find what is wrong.
import type { NoticeLine } from './labTypes';

/** What a field must be; the UI words each (share.want.<want>). */
export type Want =
  | 'count' // a whole number ≥ 0
  | 'node' // a server: a whole number 1…9
  | 'text' // 1 to 64 characters
  | 'flag' // true or false
  | 'rate' // a number from 0 to 1
  | 'mode' // 'readIndex', 'lease' or 'local'
  | 'digest' // 8 hexadecimal digits
  | 'object'
  | 'list'
  | 'settings'; // a settings link such as "n=5&seed=1"

export type RunProblem =
  /** The file is not JSON at all (or is cut off in the middle). */
  | { readonly code: 'notJson' }
  /** JSON, but not a run file: its "format" is not "raft-lab-run". */
  | { readonly code: 'notRunFile' }
  /** The version is not a version number. */
  | { readonly code: 'badVersion'; readonly found: string }
  /** Written by a newer Raft Lab than this one. */
  | { readonly code: 'futureVersion'; readonly found: number; readonly known: number }
  | { readonly code: 'badField'; readonly field: string; readonly want: Want }
  | { readonly code: 'missingField'; readonly field: string }
  | { readonly code: 'unknownField'; readonly field: string }
  /** Actions must come in the order they were taken: eventCount and at never decrease. */
  | { readonly code: 'outOfOrder'; readonly field: string }
  /** Past the run's end (an action after `head`, a cursor after `head`, …). */
  | { readonly code: 'outOfRange'; readonly field: string }
  /** Two branches with one id. */
  | { readonly code: 'duplicateId'; readonly field: string }
  | { readonly code: 'unknownAction'; readonly field: string; readonly value: string }
  /** A settings parameter that is wrong (as the settings link reports it). */
  | {
      readonly code: 'badSettings';
      readonly param: string;
      readonly value: string;
      readonly why: 'repeated' | 'badValue' | 'conflict' | 'unknown';
    }
  /** The link's run is not base64url text. */
  | { readonly code: 'badEncoding' }
  /** The link's run ends before its content does: it was cut off. */
  | { readonly code: 'truncated' }
  /** The link's run goes on after its content: something was added. */
  | { readonly code: 'trailing' }
  | { readonly code: 'tooLarge'; readonly max: number }
  /** A parameter the link has more than once (which one is meant cannot be known). */
  | { readonly code: 'repeated'; readonly param: string };

export type RunProblemCode = RunProblem['code'];

/** A refusal thrown inside the codec and caught at its edge; never escapes it. */
export class RunRefusal extends Error {
  constructor(readonly problem: RunProblem) {
    super(`run refused: ${problem.code}`);
  }
}

export function refuseRun(problem: RunProblem): never {
  throw new RunRefusal(problem);
}

/**
 * A problem as notice lines: share.problem.<code> with its parameters, and under it what a bad
 * field must be (share.want.<want>) or why a setting was refused (app.link.<why>).
 */
export function problemLines(problem: RunProblem): { line: NoticeLine; details: NoticeLine[] } {
  const { code, ...params } = problem;
  const line = { key: `share.problem.${code}`, params };
  if (problem.code === 'badField')
    return { line, details: [{ key: `share.want.${problem.want}` }] };
  if (problem.code === 'badSettings') {
    const { param, value } = problem;
    return {
      line,
      details: [{ key: `share.settingsWhy.${problem.why}`, params: { param, value } }],
    };
  }
  return { line, details: [] };
}
