// The account's live sessions for the supervisor, behind one function so polling can give way to the session event stream.

import { poll } from './poll.js';

/**
 * Calls `onSessions(list)` with the account's live sessions now and about every `intervalMs` after (`GET /sessions/active`
 * through `sessions`, a Sessions client), `onError(error)` when a read fails (polling stops if it returns false).
 * Returns a function that stops following.
 */
export function followLiveSessions(sessions, { onSessions, onError }, intervalMs = 2000) {
  return poll(async () => (await sessions.live({ pageSize: 100 })).sessions, { onValue: onSessions, onError }, intervalMs);
}
