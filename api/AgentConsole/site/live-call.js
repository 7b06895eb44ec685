// The live session of an accepted reservation: its members and the call controls, then wrap-up and complete.

import { act, byId, fillRows, show, showProblem } from './dom.js';
import { poll } from './poll.js';

const IntervalMs = 1000;

// While the reservation is in one of these, its session is the agent's to work on.
const Working = new Set(['accepted', 'wrapping']);

/** Follows the session of the accepted reservation and runs the agent's call controls on it. */
export class LiveCall {
  #sessions;
  #problem;
  #changed;
  #reservation = null;
  #session = null;
  #stopPolling = null;

  /** `sessions`: a Sessions client with the agent's key; `problem`: where failures are shown; `changed()` after each action. */
  constructor(sessions, problem, changed) {
    this.#sessions = sessions;
    this.#problem = problem;
    this.#changed = changed;
    this.#bind('hold', () => this.#update(this.#sessions.hold(this.#sessionId)));
    this.#bind('unhold', () => this.#update(this.#sessions.unhold(this.#sessionId)));
    this.#bind('end', () => this.#update(this.#sessions.end(this.#sessionId)));
    this.#bind('wrap', () => this.#reservation.wrap());
    this.#bind('complete', () => this.#reservation.complete());
    this.#bindForm('add-member-form', 'member-number', (number) => this.#update(this.#sessions.addMember(this.#sessionId, number)));
    this.#bindForm('transfer-form', 'transfer-number', (number) => this.#update(this.#sessions.transfer(this.#sessionId, number)));
  }

  /** Shows the panel for `reservation` while the agent works on it (accepted, wrapping); hides it otherwise. */
  render(reservation) {
    const working = reservation !== null && Working.has(reservation.status);
    const sessionId = reservation?.task?.sessionId;
    if (!working || sessionId !== this.#reservation?.task?.sessionId) {
      this.#stop();
      this.#session = null;
    }
    this.#reservation = working ? reservation : null;
    show(byId('call'), working);
    if (working && sessionId && !this.#stopPolling && this.#session === null) {
      this.#stopPolling = poll(() => this.#sessions.get(sessionId), {
        onValue: (session) => this.#show(session),
        onError: (error) => showProblem(this.#problem, error),
      }, IntervalMs);
    }
    this.#renderControls();
  }

  /** Stops following the session. */
  #stop() {
    this.#stopPolling?.();
    this.#stopPolling = null;
  }

  get #sessionId() {
    return this.#reservation.task.sessionId;
  }

  async #update(answer) {
    this.#show(await answer);
  }

  #show(session) {
    this.#session = session;
    // Members leave as the provider reports their legs hung up, a moment after the session ends: follow until all have.
    if (session.ended && session.members.every((m) => m.callState === 'None')) {
      this.#stop();
    }
    const caller = session.members.find((m) => m.role === 'Caller')?.identity ?? session.fromAddress;
    byId('call-summary').textContent = session.ended ? `Call with ${caller} ended.` : `Call with ${caller}: ${session.callState}.`;
    fillRows(byId('members'), session.members, (m) => [m.role, m.displayName || m.identity, m.callState === 'None' ? 'Not connected' : m.callState]);
    this.#renderControls();
  }

  #renderControls() {
    const session = this.#session;
    const live = session !== null && !session.ended;
    const status = this.#reservation?.status;
    byId('hold').disabled = !(live && session.callState === 'Connected');
    byId('unhold').disabled = !(live && session.callState === 'Hold');
    byId('end').disabled = !live;
    for (const id of ['add-member-form', 'transfer-form']) {
      for (const control of byId(id).elements) control.disabled = !live;
    }
    byId('wrap').disabled = status !== 'accepted';
    byId('complete').disabled = !Working.has(status);
  }

  #bind(id, action) {
    const button = byId(id);
    button.addEventListener('click', async () => {
      await act(button, this.#problem, action);
      this.#changed();
    });
  }

  #bindForm(formId, inputId, action) {
    const form = byId(formId);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const input = byId(inputId);
      await act(form.querySelector('button'), this.#problem, async () => {
        await action(input.value.trim());
        input.value = '';
      });
      this.#changed();
    });
  }
}
