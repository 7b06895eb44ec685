import { ApiClient } from './http.js';
import { Emitter } from './emitter.js';
import { Reservation } from './reservation.js';
import { readEvents } from './sse.js';

/**
 * A worker's live connection: follows its event stream, reconnecting with `Last-Event-ID` so no event is missed or
 * seen twice, and emits `reservation.created` (a new Reservation) and the other `reservation.*` events with the
 * Reservation they concern; that Reservation emits its own event too. Emits `connected`, `disconnected` (with the
 * error, when there was one) and `error` (a TelephonyError the service answered: the key or the worker is wrong; no
 * reconnect follows).
 */
export class Worker extends Emitter {
  #api;
  #abort = null;
  #lastEventId = null;
  #retryMs;
  #maxRetryMs;

  /** `baseUrl` of the service, a `key` that may act for the worker, and its `workspaceSid` and `workerSid`. */
  constructor(baseUrl, key, workspaceSid, workerSid, options = {}) {
    super();
    this.#api = new ApiClient(baseUrl, key, options);
    this.workspaceSid = workspaceSid;
    this.sid = workerSid;
    this.reservations = new Map();
    this.#retryMs = options.retryMs ?? 500;
    this.#maxRetryMs = options.maxRetryMs ?? 10000;
    this.connected = false;
  }

  get #path() {
    return `/workspaces/${encodeURIComponent(this.workspaceSid)}/workers/${encodeURIComponent(this.sid)}`;
  }

  /** The id of the last event received: a new Worker given it resumes after it. */
  get lastEventId() { return this.#lastEventId; }

  /** Starts following the event stream (after `lastEventId`, when given); resolves once the stream is open. */
  connect(lastEventId = this.#lastEventId) {
    if (this.#abort) {
      return Promise.resolve(this);
    }
    this.#lastEventId = lastEventId ?? null;
    const abort = new AbortController();
    this.#abort = abort;
    return new Promise((resolve, reject) => {
      this.#run(abort.signal, resolve, reject);
    });
  }

  /** Stops following the stream. */
  disconnect() {
    this.#abort?.abort();
    this.#abort = null;
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

  async #run(signal, resolve, reject) {
    let delay = this.#retryMs;
    let opened = false;
    while (!signal.aborted) {
      let failure;
      try {
        const headers = { Accept: 'text/event-stream' };
        if (this.#lastEventId !== null) {
          headers['Last-Event-ID'] = this.#lastEventId;
        }
        const response = await this.#api.send('GET', `${this.#path}/events`, { signal, headers });
        this.connected = true;
        delay = this.#retryMs;
        if (!opened) {
          opened = true;
          resolve(this);
        }
        this.emit('connected');
        await readEvents(response, (event) => this.#receive(event), signal);
      } catch (error) {
        failure = error;
        if (error?.name === 'TelephonyError' && error.status < 500) {
          this.connected = false;
          this.#abort = null;
          this.emit('error', error);
          if (!opened) reject(error);
          return;
        }
      }
      this.connected = false;
      if (signal.aborted) {
        break;
      }
      this.emit('disconnected', failure);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, this.#maxRetryMs);
    }
    this.connected = false;
    this.emit('disconnected');
  }

  #receive({ id, event, data }) {
    this.#lastEventId = id ?? this.#lastEventId;
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
