import { Emitter } from './emitter.js';

const Events = {
  'reservation.accepted': 'accepted',
  'reservation.canceled': 'canceled',
  'reservation.completed': 'completed',
  'reservation.rejected': 'rejected',
  'reservation.rescinded': 'rescinded',
  'reservation.timeout': 'timeout',
  'reservation.wrapup': 'wrapup',
};

/**
 * An offer of a task to a worker, TaskRouter style. Every instruction sends the version this object holds as
 * `If-Match`, so one based on a stale copy fails (412) instead of acting on a reservation that moved on.
 * Emits `accepted`, `canceled`, `completed`, `rejected`, `rescinded`, `timeout` and `wrapup` as its worker's
 * event stream reports them.
 */
export class Reservation extends Emitter {
  #api;

  /** The newest version the worker's stream told of: each of its events is emitted once, whoever saw the change first. */
  #announced;

  constructor(api, data) {
    super();
    this.#api = api;
    this.#apply(data);
    this.#announced = Number(data.version);
  }

  get #path() {
    return `/workspaces/${encodeURIComponent(this.workspaceSid)}/workers/${encodeURIComponent(this.workerSid)}/reservations/${encodeURIComponent(this.sid)}`;
  }

  /** Accepts the reservation. */
  accept() { return this.#instruct('accept'); }

  /** Rejects the reservation. */
  reject(options = {}) { return this.#instruct('reject', options); }

  /** Accepts and calls the worker from `from`, running the instructions at `url` when it answers. */
  call(from, url, options = {}) { return this.#instruct('call', { ...options, from, url }); }

  /** Accepts and dials the worker into the conference where the caller waits. */
  conference(options = {}) { return this.#instruct('conference', options); }

  /** Accepts and dials the worker (its contact_uri, or `options.to`) to the waiting caller. */
  dequeue(options = {}) { return this.#instruct('dequeue', options); }

  /** Accepts and moves the call `callSid` to the instructions at `url`. */
  redirect(callSid, url, options = {}) { return this.#instruct('redirect', { ...options, callSid, url }); }

  /** Holds or mutes the worker's leg in the conference (`{ hold, muted }`). */
  updateParticipant(options) { return this.#instruct('participant', options ?? {}); }

  /** Moves the accepted reservation to wrap-up. */
  wrap() { return this.#instruct('wrap'); }

  /** Completes the reservation. */
  complete() { return this.#instruct('complete'); }

  /** Reads the reservation's latest version into this object; resolves to this. */
  async fetchLatestVersion() {
    this.#apply(await this.#api.request('GET', this.#path));
    return this;
  }

  /** Takes a copy from the worker's event stream (if newer than held) and emits the event it names, once per version. */
  _receive(type, data) {
    this.#apply(data);
    const event = Events[type];
    const version = Number(data.version);
    if (event && version > this.#announced) {
      this.#announced = version;
      this.emit(event, this);
    }
  }

  async #instruct(name, body) {
    this.#apply(await this.#api.request('POST', `${this.#path}/${name}`, { body, ifMatch: this.version }));
    return this;
  }

  /** Copies `data` in unless it is not newer than what this object holds. */
  #apply(data) {
    if (this.version !== undefined && Number(data.version) <= Number(this.version)) {
      return;
    }
    this.accountSid = data.accountSid;
    this.workspaceSid = data.workspaceSid;
    this.workerSid = data.workerSid;
    this.sid = data.sid;
    this.status = data.status;
    this.task = data.task;
    this.timeout = data.timeout;
    this.canceledReasonCode = data.canceledReasonCode ?? undefined;
    this.dateCreated = new Date(data.dateCreated);
    this.dateUpdated = new Date(data.dateUpdated);
    this.version = String(data.version);
  }
}
