import { Emitter } from './emitter.js';
import { StreamFollower } from './sse.js';

/**
 * The account's live session events (`GET /sessions/events`), optionally only one user's sessions. Emits Evo Voice's
 * notifications: `session.answered`, `session.held` (hold or unhold: the session's `callState` says which),
 * `session.info` and `session.disconnected` with the SessionInfo, and `sessions.active` with `{ added, removed }`
 * (session ids). `stream.reset` (with `{ reason, sessions }`) says events were lost: read the live sessions again.
 * `stream.ready` comes when the stream is live. Reconnects with `Last-Event-ID`, so nothing is missed or seen twice;
 * emits `connected`, `disconnected` and `error` (a TelephonyError: the key or the request is wrong; no reconnect).
 */
export class SessionStream extends Emitter {
  #stream;

  /** Made by `Sessions.stream`. */
  constructor(api, { userId, retryMs, maxRetryMs } = {}) {
    super();
    this.userId = userId ?? null;
    const query = userId ? `?userId=${encodeURIComponent(userId)}` : '';
    this.#stream = new StreamFollower(api, `/sessions/events${query}`, this, (event) => this.emit(event.event, JSON.parse(event.data)), { retryMs, maxRetryMs });
  }

  /** Whether the stream is open. */
  get connected() { return this.#stream.connected; }

  /** The id of the last event received: a new stream connected with it resumes after it. */
  get lastEventId() { return this.#stream.lastEventId; }

  /** Starts following (after `lastEventId`, when given); resolves once the stream is open. */
  async connect(lastEventId = this.lastEventId) {
    await this.#stream.start(lastEventId);
    return this;
  }

  /** Stops following. */
  disconnect() { this.#stream.stop(); }
}
