// The SDK against a running service. The .NET test JsSdkTests starts one and passes it in these variables:
// TELEPHONY_URL, TELEPHONY_ADMIN_KEY, TELEPHONY_WORKER_KEY (a User key acting as TELEPHONY_WORKER),
// TELEPHONY_WORKSPACE and TELEPHONY_QUEUE.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ApiClient, Sessions, TelephonyError, Worker } from '../index.js';

const env = (name) => process.env[name] ?? assert.fail(`${name} is not set: run these tests through JsSdkTests (dotnet test).`);
const url = env('TELEPHONY_URL');
const workspace = env('TELEPHONY_WORKSPACE');
const queue = env('TELEPHONY_QUEUE');
const workerSid = env('TELEPHONY_WORKER');
const admin = new ApiClient(url, env('TELEPHONY_ADMIN_KEY'));
const worker = new Worker(url, env('TELEPHONY_WORKER_KEY'), workspace, workerSid, { retryMs: 50 });

/** Resolves with the arguments of the next `event` of `emitter`, or rejects after 30 s. */
function next(emitter, event) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 30 s`)), 30000);
    emitter.once(event, (...args) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}

const createTask = () => admin.request('POST', `/workspaces/${workspace}/tasks`, { body: { queueSid: queue, attributes: '{"type":"call"}' } });

before(async () => {
  await worker.connect();
  await worker.setActivity({ name: 'Available', available: true });
});

after(() => worker.disconnect());

test('an offer arrives as a Reservation with the seed properties, and accept, wrap and complete move it on with its events', async () => {
  const created = next(worker, 'reservation.created');
  const task = await createTask();
  const [reservation] = await created;

  assert.equal(reservation.status, 'pending');
  assert.equal(reservation.workerSid, workerSid);
  assert.equal(reservation.workspaceSid, workspace);
  assert.equal(reservation.task.sid, task.sid);
  assert.equal(typeof reservation.version, 'string');
  assert.ok(reservation.dateCreated instanceof Date && !Number.isNaN(reservation.dateCreated.getTime()));
  assert.equal(typeof reservation.timeout, 'number');

  const accepted = next(reservation, 'accepted');
  assert.equal(await reservation.accept(), reservation);
  assert.equal(reservation.status, 'accepted');
  await accepted;
  const wrapped = next(reservation, 'wrapup');
  await reservation.wrap();
  await wrapped;
  const completed = next(reservation, 'completed');
  await reservation.complete();
  await completed;
  assert.equal(reservation.status, 'completed');

  const listed = await worker.listReservations({ status: 'completed' });
  assert.ok(listed.reservations.some((r) => r.sid === reservation.sid));
});

test('an instruction based on a stale version fails with the 412 problem details and changes nothing', async () => {
  const created = next(worker, 'reservation.created');
  await createTask();
  const [reservation] = await created;
  const path = `/workspaces/${workspace}/workers/${workerSid}/reservations/${reservation.sid}`;
  const stale = reservation.version;
  await admin.request('POST', `${path}/accept`, { ifMatch: stale });

  const error = await admin.request('POST', `${path}/wrap`, { ifMatch: stale }).then(() => null, (e) => e);

  assert.ok(error instanceof TelephonyError);
  assert.equal(error.status, 412);
  assert.equal(error.problem.status, 412);
  assert.equal((await reservation.fetchLatestVersion()).status, 'accepted');
  await reservation.wrap();
  await reservation.complete();
});

test('a worker that reconnects after its last event gets what it missed once', async () => {
  worker.disconnect();
  const resumeAfter = worker.lastEventId;
  const task = await createTask();
  const again = new Worker(url, env('TELEPHONY_WORKER_KEY'), workspace, workerSid, { retryMs: 50 });
  const seen = [];
  again.on('reservation.created', (r) => seen.push(r.sid));
  const created = next(again, 'reservation.created');
  await again.connect(resumeAfter);
  const [reservation] = await created;
  await reservation.reject();
  const rejected = (await again.listReservations({ status: 'rejected' })).reservations.map((r) => r.sid);
  again.disconnect();

  assert.equal(reservation.task.sid, task.sid);
  assert.deepEqual(seen, [reservation.sid]);
  assert.ok(rejected.includes(reservation.sid));
  await worker.connect();
});

test('a wrong key is refused with 401 problem details and no reconnect', async () => {
  const stranger = new Worker(url, 'not-a-key', workspace, workerSid, { retryMs: 50 });
  const error = await stranger.connect().then(() => null, (e) => e);

  assert.ok(error instanceof TelephonyError);
  assert.equal(error.status, 401);
  assert.equal(stranger.connected, false);
});

test('a call is held, unheld, gets a member, loses it and ends through Sessions', async () => {
  const sessions = new Sessions(url, env('TELEPHONY_ADMIN_KEY'));
  const until = async (id, condition) => {
    for (let i = 0; i < 300; i++) {
      const session = await sessions.get(id);
      if (condition(session)) return session;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`session ${id} never reached the state awaited`);
  };

  const started = await sessions.call('+15550001111');
  await until(started.id, (s) => s.callState === 'Connected' && s.conferenceSid);
  assert.equal((await sessions.hold(started.id)).callState, 'Hold');
  assert.equal((await sessions.unhold(started.id)).callState, 'Connected');
  const added = await sessions.addMember(started.id, '+15550002222');
  const member = added.members[1];
  await until(started.id, (s) => s.members[1].callState === 'Connected');
  await sessions.removeMember(started.id, member.callSid);
  const ended = await sessions.end(started.id);

  assert.equal(ended.ended, true);
  const missing = await sessions.get('no-such-session').then(() => null, (e) => e);
  assert.equal(missing.status, 404);
});

test('the session stream tells of a call answered, held and ended with the session, and resumes after its last event', async () => {
  const sessions = new Sessions(url, env('TELEPHONY_ADMIN_KEY'));
  const stream = sessions.stream({ retryMs: 50 });
  const events = [];
  const record = (type) => stream.on(type, (data) => events.push({ type, data }));
  ['session.answered', 'session.held', 'session.info', 'session.disconnected', 'sessions.active', 'stream.reset'].forEach(record);
  const ready = next(stream, 'stream.ready');
  await stream.connect();
  await ready;
  const until = async (condition, what) => {
    for (let i = 0; i < 300 && !events.some(condition); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(events.some(condition), `the stream never told of ${what}`);
  };

  const started = await sessions.call('+15550001111');
  const about = (type) => (e) => e.type === type && e.data.id === started.id;
  await until(about('session.answered'), 'the answer');
  await sessions.hold(started.id);
  await until(about('session.held'), 'the hold');
  stream.disconnect();
  const resumeAfter = stream.lastEventId;
  const seenBefore = events.length;
  await sessions.unhold(started.id);
  await sessions.end(started.id);

  const resumed = sessions.stream({ retryMs: 50 });
  const after = [];
  ['session.held', 'session.disconnected', 'sessions.active', 'stream.reset'].forEach((type) => resumed.on(type, (data) => after.push({ type, data })));
  await resumed.connect(resumeAfter);
  for (let i = 0; i < 300 && !after.some((e) => e.type === 'sessions.active' && e.data.removed.includes(started.id)); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  resumed.disconnect();

  assert.equal(events.find(about('session.held')).data.callState, 'Hold');
  assert.deepEqual(events.find((e) => e.type === 'sessions.active').data, { added: [started.id], removed: [] });
  assert.equal(events.length, seenBefore);
  assert.deepEqual(after.map((e) => e.type), ['session.held', 'session.disconnected', 'sessions.active']);
  assert.equal(after[0].data.callState, 'Connected');
  assert.equal(after[1].data.ended, true);
  assert.deepEqual(after[2].data, { added: [], removed: [started.id] });
});

test('a session stream with a wrong key is refused with 401 problem details', async () => {
  const stream = new Sessions(url, 'not-a-key').stream({ retryMs: 50 });
  const error = await stream.connect().then(() => null, (e) => e);

  assert.ok(error instanceof TelephonyError);
  assert.equal(error.status, 401);
  assert.equal(stream.connected, false);
});
