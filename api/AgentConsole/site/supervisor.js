// The supervisor view: the account's live sessions, the workspace's queues with their waiting tasks, and its workers.

import { ApiClient, Sessions } from '/sdk/index.js';
import { isFinal, showConnection } from './connection.js';
import { byId, fillRows, show, showProblem } from './dom.js';
import { followLiveSessions } from './live-sessions.js';
import { poll } from './poll.js';
import { callerOf } from './task.js';

const IntervalMs = 2000;

/** Signs in as a supervisor of `workspaceSid` with `key` (signing out reloads the page); rejects when refused. */
export async function startSupervisor(baseUrl, key, workspaceSid) {
  const api = new ApiClient(baseUrl, key);
  const workspacePath = `/workspaces/${encodeURIComponent(workspaceSid)}`;
  const workspace = await api.request('GET', workspacePath);
  byId('workspace-name').textContent = workspace.friendlyName;
  const problem = byId('supervisor-problem');
  showConnection('online');

  // Either poll may find the service gone; both keep trying, and the first answer after shows it online again.
  const onError = (error) => {
    if (isFinal(error)) {
      showConnection('error', error);
      showProblem(problem, error);
      return false;
    }
    showConnection('reconnecting');
    return true;
  };
  const online = () => {
    showConnection('online');
    showProblem(problem, null);
  };

  followLiveSessions(new Sessions(baseUrl, key), {
    onSessions: (sessions) => {
      online();
      renderSessions(sessions);
    },
    onError,
  }, IntervalMs);
  poll(() => readRouting(api, workspacePath), {
    onValue: (routing) => {
      online();
      renderRouting(routing);
    },
    onError,
  }, IntervalMs);
}

async function readRouting(api, workspacePath) {
  const [queues, workers, waiting, offered] = await Promise.all([
    api.request('GET', `${workspacePath}/task-queues`),
    api.request('GET', `${workspacePath}/workers?pageSize=200`),
    api.request('GET', `${workspacePath}/tasks?AssignmentStatus=pending&pageSize=200`),
    api.request('GET', `${workspacePath}/tasks?AssignmentStatus=reserved&pageSize=200`),
  ]);
  return { queues, workers: workers.workers, waiting: waiting.tasks, offered: offered.tasks };
}

function renderSessions(sessions) {
  fillRows(byId('live-sessions'), sessions, (s) => [
    s.fromAddress,
    s.toAddress,
    s.callState,
    s.queueState,
    s.answeredByName ?? '',
    String(s.members.length),
  ]);
  show(byId('live-sessions-none'), sessions.length === 0);
}

function renderRouting({ queues, workers, waiting, offered }) {
  const inQueue = (tasks, queue) => tasks.filter((t) => t.queueSid === queue.sid);
  fillRows(byId('queues'), queues, (q) => [
    q.friendlyName,
    String(inQueue(waiting, q).length),
    String(inQueue(offered, q).length),
    inQueue(waiting, q).map((t) => `${callerOf(t)} (${waitedFor(t)})`).join(', '),
  ]);
  fillRows(byId('workers'), [...workers].sort((a, b) => a.friendlyName.localeCompare(b.friendlyName)), (w) => [
    w.friendlyName,
    w.activityName,
    w.available ? 'yes' : 'no',
  ]);
}

function waitedFor(task) {
  return `${Math.max(0, Math.round((Date.now() - Date.parse(task.dateCreated)) / 1000))} s`;
}
