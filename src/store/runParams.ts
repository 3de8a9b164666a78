// The names and limits of a shared run (store layer), apart from its codec so that the settings
// parser can know the link's `run` parameter without importing the codec that imports it.

/** The link parameter that carries a run: ?n=5&seed=1&…&run=1.<payload>. */
export const RUN_PARAMS = ['run'] as const;

/** A run file says what it is, so any other JSON is refused by name. */
export const RUN_FORMAT = 'raft-lab-run';

/** The version this build writes and the newest it reads (links and files alike). */
export const RUN_VERSION = 1;

/**
 * The longest link (query string) Copy link offers: HTTP asks every sender and receiver to take
 * at least 8,000 octets of a request line (RFC 9110 §4.1), so a link within 8,000 characters
 * goes through servers, proxies and chat tools that cut longer ones; 500 of them are left for
 * the address in front of the query. A longer run is exported as a file instead.
 */
export const MAX_RUN_QUERY_CHARS = 7_500;

/** The most actions a run may carry, and the longest file read (a file past it is refused unread). */
export const MAX_RUN_ACTIONS = 100_000;
export const MAX_RUN_FILE_CHARS = 20_000_000;

/** The most branches a file may carry. */
export const MAX_RUN_BRANCHES = 1_000;

/**
 * The longest run a link or a file may carry: an hour of virtual time, far past a lesson or a
 * classroom session (a minute of virtual time takes a minute to watch at 1,000 virtual ms a
 * second). Opening a run computes it again event by event, so a run said to last a day would
 * keep the page busy for many minutes; a longer run is refused by name instead.
 */
export const MAX_SHARED_RUN_MS = 60 * 60 * 1000;
