// The offer card: who is calling, the reservation's status, a live countdown to its timeout, Accept and Reject.

import { byId, show } from './dom.js';
import { callerOf } from './task.js';

const StatusWords = {
  pending: 'Offered',
  accepted: 'Accepted',
  rejected: 'Rejected',
  timeout: 'Timed out',
  canceled: 'Canceled',
  rescinded: 'Rescinded',
  wrapping: 'Wrapping up',
  completed: 'Completed',
};

// The agent is done with these: the card gives way to "No offer right now".
const Finished = new Set(['rejected', 'completed']);

/** Shows one reservation at a time in the offer card and counts down while it waits for an answer. */
export class OfferCard {
  #reservation = null;
  #ticker = null;

  /** Shows `reservation` (or none) as it is now. */
  render(reservation) {
    this.#reservation = reservation;
    const visible = reservation !== null && !Finished.has(reservation.status);
    show(byId('offer'), visible);
    show(byId('offer-none'), !visible);
    if (!visible) {
      this.#stopTicking();
      return;
    }
    const pending = reservation.status === 'pending';
    byId('offer-from').textContent = `Call from ${callerOf(reservation.task)}`;
    const status = byId('offer-status');
    status.textContent = StatusWords[reservation.status] ?? reservation.status;
    status.dataset.status = reservation.status;
    show(byId('accept'), pending);
    show(byId('reject'), pending);
    show(byId('offer-progress'), pending);
    if (pending) {
      this.#ticker ??= setInterval(() => this.#tick(), 250);
      this.#tick();
    } else {
      this.#stopTicking();
      byId('offer-countdown').textContent = outcome(reservation);
    }
  }

  #tick() {
    const reservation = this.#reservation;
    const deadline = reservation.dateCreated.getTime() + reservation.timeout * 1000;
    const left = Math.max(0, deadline - Date.now());
    byId('offer-countdown').textContent = left > 0 ? `Answer within ${Math.ceil(left / 1000)} s` : 'Time is up…';
    byId('offer-progress').value = reservation.timeout > 0 ? left / (reservation.timeout * 1000) : 0;
  }

  #stopTicking() {
    clearInterval(this.#ticker);
    this.#ticker = null;
  }
}

function outcome(reservation) {
  switch (reservation.status) {
    case 'timeout': return `Not answered within ${reservation.timeout} s.`;
    case 'canceled': return 'The task was canceled (the caller may have hung up).';
    case 'rescinded': return 'Another worker took it.';
    default: return '';
  }
}
