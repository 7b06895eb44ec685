import { FollowedStream } from './sse.js';

/**
 * The account's live session events (`GET /sessions/events`), optionally only one user's sessions. Emits Evo Voice's
 * notifications: `session.answered`, `session.held` (hold or unhold: the session's `callState` says which),
 * `session.info` and `session.disconnected` with the SessionInfo, and `sessions.active` with `{ added, removed }`
 * (session ids). `stream.reset` (with `{ reason, sessions }`) says events were lost: read the live sessions again.
 * `stream.ready` comes when the stream is live. Reconnects with `Last-Event-ID`, so nothing is missed or seen twice;
 * emits `connected`, `disconnected` and `error` (a TelephonyError: the key or the request is wrong; no reconnect).
 */
export class SessionStream extends FollowedStream {
  /** Made by `Sessions.stream`. */
  constructor(api, { userId, retryMs, maxRetryMs } = {}) {
    const query = userId ? `?userId=${encodeURIComponent(userId)}` : '';
    super(api, `/sessions/events${query}`, (event) => this.emit(event.event, JSON.parse(event.data)), { retryMs, maxRetryMs });
    this.userId = userId ?? null;
  }
}
