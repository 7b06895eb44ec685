// Telephony's JavaScript SDK: plain ES modules, no build step, no runtime dependencies.
export { ApiClient, TelephonyError } from './http.js';
export { Emitter } from './emitter.js';
export { Reservation } from './reservation.js';
export { SessionStream } from './session-stream.js';
export { Sessions } from './sessions.js';
export { Worker } from './worker.js';
