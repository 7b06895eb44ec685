// Reads a Server-Sent Events stream from a fetch Response (EventSource cannot send an Authorization header).

import { Emitter } from './emitter.js';

/** Calls `onEvent({ id, event, data })` for each event of `response`'s body until it ends or `signal` aborts. */
export async function readEvents(response, onEvent, signal) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const abort = () => reader.cancel().catch(() => {});
  signal?.addEventListener('abort', abort, { once: true });
  let buffer = '';
  let current = { data: [] };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (current.data.length > 0) {
            onEvent({ id: current.id, event: current.event ?? 'message', data: current.data.join('\n') });
          }
          current = { data: [] };
          continue;
        }
        if (line.startsWith(':')) {
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') current.data.push(text);
        else if (field === 'event') current.event = text;
        else if (field === 'id') current.id = text;
      }
    }
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/**
 * Follows the event stream at `path` through an ApiClient, reconnecting with `Last-Event-ID` after a drop (waiting
 * `retryMs`, doubled after each failure up to `maxRetryMs`) so no event is missed or seen twice. Calls `onEvent` for
 * each event and emits on `emitter`: `connected`, `disconnected` (with the error, when there was one) and `error` (a
 * TelephonyError the service answered below 500: the request is wrong, and no reconnect follows).
 */
export class StreamFollower {
  #api;
  #path;
  #emitter;
  #onEvent;
  #retryMs;
  #maxRetryMs;
  #abort = null;

  constructor(api, path, emitter, onEvent, { retryMs = 500, maxRetryMs = 10000 } = {}) {
    this.#api = api;
    this.#path = path;
    this.#emitter = emitter;
    this.#onEvent = onEvent;
    this.#retryMs = retryMs;
    this.#maxRetryMs = maxRetryMs;
    this.connected = false;
    this.lastEventId = null;
  }

  /** Starts following (after `lastEventId`, when given); resolves once the stream is open, rejects when it is refused. */
  start(lastEventId = this.lastEventId) {
    if (this.#abort) {
      return Promise.resolve();
    }
    this.lastEventId = lastEventId ?? null;
    const abort = new AbortController();
    this.#abort = abort;
    return new Promise((resolve, reject) => {
      this.#run(abort.signal, resolve, reject);
    });
  }

  /** Stops following. */
  stop() {
    this.#abort?.abort();
    this.#abort = null;
  }

  async #run(signal, resolve, reject) {
    let delay = this.#retryMs;
    let opened = false;
    while (!signal.aborted) {
      let failure;
      try {
        const headers = { Accept: 'text/event-stream' };
        if (this.lastEventId !== null) {
          headers['Last-Event-ID'] = this.lastEventId;
        }
        const response = await this.#api.send('GET', this.#path, { signal, headers });
        this.connected = true;
        delay = this.#retryMs;
        if (!opened) {
          opened = true;
          resolve();
        }
        this.#emitter.emit('connected');
        await readEvents(response, (event) => {
          this.lastEventId = event.id ?? this.lastEventId;
          this.#onEvent(event);
        }, signal);
      } catch (error) {
        failure = error;
        if (error?.name === 'TelephonyError' && error.status < 500) {
          this.connected = false;
          this.#abort = null;
          this.#emitter.emit('error', error);
          if (!opened) reject(error);
          return;
        }
      }
      this.connected = false;
      if (signal.aborted) {
        break;
      }
      this.#emitter.emit('disconnected', failure);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, this.#maxRetryMs);
    }
    this.connected = false;
    this.#emitter.emit('disconnected');
  }
}

/**
 * An emitter fed by one of the service's event streams, which it follows while connected: what the Worker and the
 * SessionStream share. `onEvent` receives each event; `connected`, `disconnected` and `error` are emitted as the
 * StreamFollower says.
 */
export class FollowedStream extends Emitter {
  #stream;

  constructor(api, path, onEvent, { retryMs, maxRetryMs } = {}) {
    super();
    this.#stream = new StreamFollower(api, path, this, onEvent, { retryMs, maxRetryMs });
  }

  /** Whether the stream is open. */
  get connected() { return this.#stream.connected; }

  /** The id of the last event received: following again from it resumes after it. */
  get lastEventId() { return this.#stream.lastEventId; }

  /** Starts following (after `lastEventId`, when given); resolves once the stream is open. */
  async connect(lastEventId = this.lastEventId) {
    await this.#stream.start(lastEventId);
    return this;
  }

  /** Stops following. */
  disconnect() { this.#stream.stop(); }
}
