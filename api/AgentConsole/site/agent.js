// The agent view: the worker's availability, the offer in hand with its countdown, and the live session once accepted.

import { Sessions, Worker } from '/sdk/index.js';
import { showConnection } from './connection.js';
import { act, byId } from './dom.js';
import { LiveCall } from './live-call.js';
import { OfferCard } from './offer.js';

const ReservationEvents = [
  'reservation.created', 'reservation.accepted', 'reservation.rejected', 'reservation.timeout',
  'reservation.canceled', 'reservation.rescinded', 'reservation.wrapup', 'reservation.completed',
];

/** Signs in as the worker `workerSid` of `workspaceSid` with `key` (signing out reloads the page); rejects when refused. */
export async function startAgent(baseUrl, key, workspaceSid, workerSid) {
  const worker = new Worker(baseUrl, key, workspaceSid, workerSid);
  renderWorker(await worker.fetch());

  const problem = byId('agent-problem');
  const offer = new OfferCard();
  let current = null;
  const render = () => {
    offer.render(current);
    call.render(current);
  };
  const call = new LiveCall(new Sessions(baseUrl, key), problem, render);

  // The stream replays the worker's past events first: the newest reservation is the one in hand.
  for (const type of ReservationEvents) {
    worker.on(type, (reservation) => {
      if (current === null || reservation === current || reservation.dateCreated >= current.dateCreated) {
        current = reservation;
        render();
      }
    });
  }
  worker.on('connected', () => showConnection('online'));
  worker.on('disconnected', () => showConnection('reconnecting'));
  worker.on('error', (error) => showConnection('error', error));

  // Accepting dials the agent into the conference where the caller waits (the worker's contact_uri).
  onClick(byId('accept'), problem, () => current.conference(), render);
  onClick(byId('reject'), problem, () => current.reject(), render);
  for (const button of document.querySelectorAll('[data-activity]')) {
    const activity = { name: button.dataset.activity, available: button.dataset.available === 'true' };
    onClick(button, problem, async () => renderWorker(await worker.setActivity(activity)));
  }

  showConnection('connecting');
  await worker.connect();
}

function onClick(button, problem, action, then = () => {}) {
  button.addEventListener('click', () => act(button, problem, action).then(then));
}

function renderWorker(worker) {
  byId('agent-name').textContent = worker.friendlyName;
  byId('activity-now').textContent = `${worker.activityName}${worker.available ? ' (taking calls)' : ''}`;
  for (const button of document.querySelectorAll('[data-activity]')) {
    button.setAttribute('aria-pressed', String(button.dataset.activity === worker.activityName));
  }
}
