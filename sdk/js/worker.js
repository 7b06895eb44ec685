import { ApiClient } from './http.js';
import { Reservation } from './reservation.js';
import { FollowedStream } from './sse.js';

/**
 * A worker's live connection: follows its event stream, reconnecting with `Last-Event-ID` so no event is missed or
 * seen twice, and emits `reservation.created` (a new Reservation) and the other `reservation.*` events with the
 * Reservation they concern; that Reservation emits its own event too. Emits `connected`, `disconnected` (with the
 * error, when there was one) and `error` (a TelephonyError the service answered: the key or the worker is wrong; no
 * reconnect follows).
 */
export class Worker extends FollowedStream {
  #api;

  /** `baseUrl` of the service, a `key` that may act for the worker, and its `workspaceSid` and `workerSid`. */
  constructor(baseUrl, key, workspaceSid, workerSid, options = {}) {
    const api = new ApiClient(baseUrl, key, options);
    // The events reach #receive only once the stream is connected, long after this constructor has run.
    super(api, `${workerPath(workspaceSid, workerSid)}/events`, (event) => this.#receive(event), options);
    this.#api = api;
    this.workspaceSid = workspaceSid;
    this.sid = workerSid;
    this.reservations = new Map();
  }

  get #path() {
    return workerPath(this.workspaceSid, this.sid);
  }

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

function workerPath(workspaceSid, workerSid) {
  return `/workspaces/${encodeURIComponent(workspaceSid)}/workers/${encodeURIComponent(workerSid)}`;
}
