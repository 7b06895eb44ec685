// The connection state in the page's header, in words: connecting, online, offline and reconnecting, or the error.

import { byId, describe } from './dom.js';

const Words = {
  'signed-out': 'Signed out',
  connecting: 'Connecting…',
  online: 'Online',
  reconnecting: 'Offline, reconnecting…',
};

/** Shows `state` (`signed-out`, `connecting`, `online`, `reconnecting` or `error` with the `error` that caused it). */
export function showConnection(state, error) {
  const element = byId('connection');
  element.dataset.state = state;
  element.textContent = state === 'error' ? `Error: ${describe(error)}` : Words[state];
}

/** True when `error` is the service's answer that retrying cannot change (a wrong key, a missing workspace or worker). */
export function isFinal(error) {
  return error?.name === 'TelephonyError' && error.status < 500;
}
