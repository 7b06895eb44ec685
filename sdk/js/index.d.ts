// Types of Telephony's JavaScript SDK.

/** Problem details (RFC 9457) as the service answers every error. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

/** An error answer of the service. */
export class TelephonyError extends Error {
  readonly status: number;
  readonly title?: string;
  readonly detail?: string;
  readonly errors?: Record<string, string[]>;
  readonly problem: ProblemDetails;
}

export interface ClientOptions {
  /** The fetch to use (the global one by default). */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  body?: unknown;
  ifMatch?: string | number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** Sends requests to a Telephony service with one API key. */
export class ApiClient {
  constructor(baseUrl: string, key: string, options?: ClientOptions);
  readonly baseUrl: string;
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<T>;
  send(method: string, path: string, options?: RequestOptions): Promise<Response>;
}

export class Emitter {
  on(event: string, listener: (...args: any[]) => void): this;
  once(event: string, listener: (...args: any[]) => void): this;
  off(event: string, listener: (...args: any[]) => void): this;
  emit(event: string, ...args: unknown[]): boolean;
}

export type ReservationStatus = 'pending' | 'accepted' | 'rejected' | 'timeout' | 'canceled' | 'rescinded' | 'wrapping' | 'completed';
export type ReservationEvent = 'accepted' | 'canceled' | 'completed' | 'rejected' | 'rescinded' | 'timeout' | 'wrapup';
export type WorkerEventType =
  | 'reservation.created' | 'reservation.accepted' | 'reservation.rejected' | 'reservation.timeout'
  | 'reservation.canceled' | 'reservation.rescinded' | 'reservation.wrapup' | 'reservation.completed';

/** A routing task as the service shows it. */
export interface Task {
  sid: string;
  accountSid: string;
  workspaceSid: string;
  queueSid: string;
  attributes: string;
  priority: number;
  status: 'pending' | 'reserved' | 'assigned' | 'wrapping' | 'completed' | 'canceled';
  sessionId?: string;
  dateCreated: string;
  dateUpdated: string;
  version: string;
  [field: string]: unknown;
}

export interface CallOptions { to?: string }
export interface ConferenceOptions { from?: string; to?: string }
export interface DequeueOptions { from?: string; to?: string }
export interface RedirectOptions { [option: string]: unknown }
export interface RejectOptions { [option: string]: unknown }
export interface ReservationParticipantOptions { hold?: boolean; muted?: boolean }

/** An offer of a task to a worker; instructions send its version as If-Match. */
export class Reservation extends Emitter {
  readonly accountSid: string;
  readonly canceledReasonCode?: number;
  readonly dateCreated: Date;
  readonly dateUpdated: Date;
  readonly sid: string;
  readonly status: ReservationStatus;
  readonly task: Task;
  readonly timeout: number;
  readonly version: string;
  readonly workerSid: string;
  readonly workspaceSid: string;
  accept(): Promise<this>;
  call(from: string, url: string, options?: CallOptions): Promise<this>;
  complete(): Promise<this>;
  conference(options?: ConferenceOptions): Promise<this>;
  dequeue(options?: DequeueOptions): Promise<this>;
  fetchLatestVersion(): Promise<this>;
  redirect(callSid: string, url: string, options?: RedirectOptions): Promise<this>;
  reject(options?: RejectOptions): Promise<this>;
  updateParticipant(options: ReservationParticipantOptions): Promise<this>;
  wrap(): Promise<this>;
  on(event: ReservationEvent, listener: (reservation: Reservation) => void): this;
  once(event: ReservationEvent, listener: (reservation: Reservation) => void): this;
}

export interface WorkerOptions extends ClientOptions {
  /** First reconnect delay in milliseconds, doubled after each failure (500 by default). */
  retryMs?: number;
  /** Longest reconnect delay (10,000 by default). */
  maxRetryMs?: number;
}

/** Paging of a list: the next page's token and URL are null on the last page. */
export interface ListMeta {
  pageSize: number;
  nextPageToken: string | null;
  nextPageUrl: string | null;
}

/** A worker's live connection to its event stream. */
export class Worker extends Emitter {
  constructor(baseUrl: string, key: string, workspaceSid: string, workerSid: string, options?: WorkerOptions);
  readonly sid: string;
  readonly workspaceSid: string;
  readonly connected: boolean;
  readonly lastEventId: string | null;
  readonly reservations: Map<string, Reservation>;
  connect(lastEventId?: string | null): Promise<this>;
  disconnect(): void;
  fetch(): Promise<Record<string, unknown>>;
  setActivity(activity: { name: string; available: boolean }): Promise<Record<string, unknown>>;
  listReservations(options?: { status?: ReservationStatus; pageSize?: number; pageToken?: string }): Promise<{ reservations: Record<string, unknown>[]; meta: ListMeta }>;
  on(event: WorkerEventType, listener: (reservation: Reservation) => void): this;
  on(event: 'connected', listener: () => void): this;
  on(event: 'disconnected', listener: (error?: unknown) => void): this;
  on(event: 'error', listener: (error: TelephonyError) => void): this;
}

/** A session (call or chat) as the service shows it: Evo Voice's SessionInfo. */
export interface SessionInfo {
  id: string;
  callState: string;
  members: Array<{ identity?: string; callSid?: string; callState: string; role: string; [field: string]: unknown }>;
  [field: string]: unknown;
}

/** The account's sessions. */
export class Sessions {
  constructor(baseUrl: string, key: string, options?: ClientOptions);
  get(sessionId: string): Promise<SessionInfo>;
  live(options?: { mine?: boolean; pageSize?: number; pageToken?: string }): Promise<{ sessions: SessionInfo[]; nextPageToken?: string; nextPageUrl?: string }>;
  call(numberToDial: string, callerId?: string): Promise<SessionInfo>;
  hold(sessionId: string, options?: { callSid?: string; reason?: 'None' | 'Transferring' }): Promise<SessionInfo>;
  unhold(sessionId: string, options?: { callSid?: string }): Promise<SessionInfo>;
  addMember(sessionId: string, destination: string, fromNumber?: string): Promise<SessionInfo>;
  removeMember(sessionId: string, callSid: string): Promise<SessionInfo>;
  transfer(sessionId: string, destination: string, callerId?: string): Promise<SessionInfo>;
  end(sessionId: string): Promise<SessionInfo>;
  stream(options?: SessionStreamOptions): SessionStream;
}

export interface SessionStreamOptions {
  /** Only the sessions of this user (who started them, or an agent member). */
  userId?: string;
  /** First reconnect delay in milliseconds, doubled after each failure (500 by default). */
  retryMs?: number;
  /** Longest reconnect delay (10,000 by default). */
  maxRetryMs?: number;
}

/** The notifications of the session stream that carry the session. */
export type SessionEventType = 'session.answered' | 'session.held' | 'session.info' | 'session.disconnected';

/** The account's live session events; Evo Voice's notification kinds. */
export class SessionStream extends Emitter {
  readonly userId: string | null;
  readonly connected: boolean;
  readonly lastEventId: string | null;
  connect(lastEventId?: string | null): Promise<this>;
  disconnect(): void;
  on(event: SessionEventType, listener: (session: SessionInfo) => void): this;
  on(event: 'sessions.active', listener: (change: { added: string[]; removed: string[] }) => void): this;
  on(event: 'stream.reset', listener: (reset: { reason: string; sessions: string }) => void): this;
  on(event: 'stream.ready', listener: (ready: { userId: string | null }) => void): this;
  on(event: 'connected', listener: () => void): this;
  on(event: 'disconnected', listener: (error?: unknown) => void): this;
  on(event: 'error', listener: (error: TelephonyError) => void): this;
}
