// The console's entry point: the sign-in form, then the agent or the supervisor view.

import { startAgent } from './agent.js';
import { showConnection } from './connection.js';
import { byId, show, showProblem } from './dom.js';
import { startSupervisor } from './supervisor.js';

const form = byId('sign-in-form');
const remembered = new URLSearchParams(location.search);

// The workspace and worker are remembered on this browser (or given in the address); the key never is.
for (const name of ['workspace', 'worker']) {
  form.elements[name].value = remembered.get(name) ?? localStorage.getItem(`telephony.${name}`) ?? '';
}
if (remembered.get('view') === 'supervisor') {
  form.elements.view.value = 'supervisor';
}
const viewChanged = () => {
  const agent = form.elements.view.value === 'agent';
  show(byId('worker-label'), agent);
  show(byId('worker'), agent);
  show(byId('worker-hint'), agent);
};
form.addEventListener('change', viewChanged);
viewChanged();

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const view = form.elements.view.value;
  const key = form.elements.key.value.trim();
  const workspace = form.elements.workspace.value.trim();
  const worker = form.elements.worker.value.trim();
  const problem = byId('sign-in-problem');
  const missing = !key ? 'an API key' : !workspace ? 'a workspace sid' : view === 'agent' && !worker ? 'a worker sid' : null;
  if (missing) {
    showProblem(problem, new Error(`Enter ${missing}.`));
    return;
  }

  const submit = form.querySelector('button[type="submit"]');
  submit.disabled = true;
  showProblem(problem, null);
  showConnection('connecting');
  try {
    if (view === 'agent') {
      await startAgent(location.origin, key, workspace, worker);
    } else {
      await startSupervisor(location.origin, key, workspace);
    }
    localStorage.setItem('telephony.workspace', workspace);
    localStorage.setItem('telephony.worker', worker);
    show(byId('sign-in'), false);
    show(byId(view), true);
    show(byId('sign-out'), true);
    // The form that had the focus is gone: a keyboard or screen reader user starts again at the view's heading.
    byId(`${view}-title`).focus();
  } catch (error) {
    showConnection('error', error);
    showProblem(problem, refusal(error));
    submit.disabled = false;
    form.elements.key.focus();
  }
});

// Signing out forgets everything the page holds, the key first.
byId('sign-out').addEventListener('click', () => location.reload());

/** The sign-in failure in words: a refused key or an unknown workspace or worker say so first. */
function refusal(error) {
  if (error?.name !== 'TelephonyError') {
    return error;
  }
  const reason = {
    401: 'The key was refused: check it and try again.',
    403: 'This key may not act for that worker.',
    404: 'No such workspace or worker for this key.',
  }[error.status];
  return reason ? Object.assign(new Error(`${reason} (${error.title ?? error.status})`), { cause: error }) : error;
}
