import { ApiClient } from './http.js';
import { Emitter } from './emitter.js';
import { Reservation } from './reservation.js';
import { StreamFollower } from './sse.js';

/**
 * A worker's live connection: follows its event stream, reconnecting with `Last-Event-ID` so no event is missed or
 * seen twice, and emits `reservation.created` (a new Reservation) and the other `reservation.*` events with the
 * Reservation they concern; that Reservation emits its own event too. Emits `connected`, `disconnected` (with the
 * error, when there was one) and `error` (a TelephonyError the service answered: the key or the worker is wrong; no
 * reconnect follows).
 */
export class Worker extends Emitter {
  #api;
  #stream;

  /** `baseUrl` of the service, a `key` that may act for the worker, and its `workspaceSid` and `workerSid`. */
  constructor(baseUrl, key, workspaceSid, workerSid, options = {}) {
    super();
    this.#api = new ApiClient(baseUrl, key, options);
    this.workspaceSid = workspaceSid;
    this.sid = workerSid;
    this.reservations = new Map();
    this.#stream = new StreamFollower(this.#api, `${this.#path}/events`, this, (event) => this.#receive(event), options);
  }

  get #path() {
    return `/workspaces/${encodeURIComponent(this.workspaceSid)}/workers/${encodeURIComponent(this.sid)}`;
  }

  /** Whether the event stream is open. */
  get connected() { return this.#stream.connected; }

  /** The id of the last event received: a new Worker given it resumes after it. */
  get lastEventId() { return this.#stream.lastEventId; }

  /** Starts following the event stream (after `lastEventId`, when given); resolves once the stream is open. */
  async connect(lastEventId = this.lastEventId) {
    await this.#stream.start(lastEventId);
    return this;
  }

  /** Stops following the stream. */
  disconnect() { this.#stream.stop(); }

  /** The worker as the service has it. */
  fetch() { return this.#api.request('GET', this.#path); }

  /** Sets the worker's activity, e.g. `{ name: 'Available', available: true }`. */
  setActivity(activity) { return this.#api.request('POST', this.#path, { body: { activity } }); }

  /** A page of this worker's reservations (`{ status, pageSize, pageToken }`). */
  listReservations({ status, pageSize, pageToken } = {}) {
    const query = new URLSearchParams();
    if (status) query.set('ReservationStatus', status);
    if (pageSize) query.set('pageSize', String(pageSize));
    if (pageToken) query.set('pageToken', pageToken);
    const suffix = query.size > 0 ? `?${query}` : '';
    return this.#api.request('GET', `${this.#path}/reservations${suffix}`);
  }

  #receive({ event, data }) {
    const body = JSON.parse(data);
    let reservation = this.reservations.get(body.sid);
    if (!reservation) {
      reservation = new Reservation(this.#api, body);
      this.reservations.set(body.sid, reservation);
    } else {
      reservation._receive(event, body);
    }
    this.emit(event, reservation);
  }
}
