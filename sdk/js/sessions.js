import { ApiClient } from './http.js';
import { SessionStream } from './session-stream.js';

/** The account's sessions (calls and chats): read, hold, unhold, add and remove conference members, end. */
export class Sessions {
  #api;

  /** `baseUrl` of the service and an API `key`. */
  constructor(baseUrl, key, options = {}) {
    this.#api = new ApiClient(baseUrl, key, options);
  }

  /** One session. */
  get(sessionId) { return this.#api.request('GET', path(sessionId)); }

  /** The account's live sessions (`mine` for the key user's own), a page at a time (`{ pageSize, pageToken }`). */
  live({ mine = false, pageSize, pageToken } = {}) {
    const query = new URLSearchParams();
    if (pageSize) query.set('pageSize', String(pageSize));
    if (pageToken) query.set('pageToken', pageToken);
    const suffix = query.size > 0 ? `?${query}` : '';
    return this.#api.request('GET', `/sessions/${mine ? 'my' : 'active'}${suffix}`);
  }

  /** Starts an outgoing call to `numberToDial` (from `callerId`, else the account's). */
  call(numberToDial, callerId) { return this.#api.request('POST', '/sessions/outgoing', { body: { numberToDial, callerId } }); }

  /** Holds the session's call (or `callSid`), with a `reason` (`None` or `Transferring`). */
  hold(sessionId, { callSid, reason } = {}) { return this.#api.request('POST', `${path(sessionId)}/hold`, { body: { callSid, reason } }); }

  /** Takes the session's call (or `callSid`) off hold. */
  unhold(sessionId, { callSid } = {}) { return this.#api.request('POST', `${path(sessionId)}/unhold`, { body: { callSid } }); }

  /** Dials `destination` into the session's conference. */
  addMember(sessionId, destination, fromNumber) {
    return this.#api.request('POST', `${path(sessionId)}/conference/members`, { body: { destination, fromNumber } });
  }

  /** Takes the member on `callSid` out of the call. */
  removeMember(sessionId, callSid) { return this.#api.request('DELETE', `${path(sessionId)}/conference/members/${encodeURIComponent(callSid)}`); }

  /** Blind-transfers the call to `destination`. */
  transfer(sessionId, destination, callerId) { return this.#api.request('POST', `${path(sessionId)}/redirect`, { body: { destination, callerId } }); }

  /** Ends the session, hanging up every leg. */
  end(sessionId) { return this.#api.request('DELETE', path(sessionId)); }

  /** The account's live session events (only `userId`'s sessions, when given); call `connect()` on it to start. */
  stream({ userId, retryMs, maxRetryMs } = {}) { return new SessionStream(this.#api, { userId, retryMs, maxRetryMs }); }
}

function path(sessionId) {
  return `/sessions/${encodeURIComponent(sessionId)}`;
}
