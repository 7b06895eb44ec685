// The account's live sessions for the supervisor: read once, then kept up to date from the session event stream.

/**
 * Calls `onSessions(list)` with the account's live sessions (`GET /sessions/active` through `sessions`, a Sessions
 * client) and again after every change the session stream reports; a reset of the stream reads the list afresh.
 * `onError(error)` is called when a read or the stream fails (following stops if it returns false). The
 * `intervalMs` is how soon a failed read is tried again. Returns a function that stops following.
 */
export function followLiveSessions(sessions, { onSessions, onError }, intervalMs = 2000) {
  const live = new Map();
  const stream = sessions.stream();
  let stopped = false;
  let timer;
  const show = () => onSessions([...live.values()]);
  const fail = (error) => {
    if (stopped || onError(error) === false) stop();
    return !stopped;
  };
  const reread = async () => {
    try {
      const { sessions: list } = await sessions.live({ pageSize: 100 });
      live.clear();
      for (const session of list) live.set(session.id, session);
      if (!stopped) show();
    } catch (error) {
      if (fail(error)) timer = setTimeout(reread, intervalMs);
    }
  };
  const keep = (session) => {
    if (session.ended) live.delete(session.id);
    else live.set(session.id, session);
    show();
  };
  for (const kind of ['session.answered', 'session.held', 'session.info']) stream.on(kind, keep);
  stream.on('session.disconnected', (session) => {
    live.delete(session.id);
    show();
  });
  stream.on('sessions.active', async ({ added, removed }) => {
    for (const id of removed) live.delete(id);
    for (const id of added.filter((id) => !live.has(id))) {
      try {
        const session = await sessions.get(id);
        if (!session.ended) live.set(id, session);
      } catch (error) {
        fail(error);
      }
    }
    show();
  });
  stream.on('stream.ready', reread);
  stream.on('stream.reset', reread);
  stream.on('error', fail);
  stream.on('disconnected', (error) => {
    if (error) fail(error);
  });
  // A refusal also comes as the stream's error event, handled above.
  stream.connect().catch(() => {});

  function stop() {
    stopped = true;
    clearTimeout(timer);
    stream.disconnect();
  }
  return stop;
}
