// The API's HTTP conventions: a bearer key, JSON bodies, problem details for every error.

/** An error answer of the API, carrying its problem details (RFC 9457). */
export class TelephonyError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'TelephonyError';
    this.status = status;
    this.title = problem?.title;
    this.detail = problem?.detail;
    this.errors = problem?.errors;
    this.problem = problem;
  }
}

/** Sends requests to a Telephony service with one API key. */
export class ApiClient {
  /** `baseUrl`: where the service runs (e.g. `http://127.0.0.1:5000`); `key`: an API key. */
  constructor(baseUrl, key, options = {}) {
    if (!baseUrl || !key) {
      throw new TypeError('An ApiClient needs the service URL and an API key.');
    }
    this.baseUrl = String(baseUrl).replace(/\/+$/, '');
    this.key = key;
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Sends a request; resolves to the parsed JSON answer (null when there is none), rejects with TelephonyError. */
  async request(method, path, { body, ifMatch, signal, headers } = {}) {
    const response = await this.send(method, path, { body, ifMatch, signal, headers });
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  /** Sends a request and resolves to the Response when it is 2xx; rejects with TelephonyError otherwise. */
  async send(method, path, { body, ifMatch, signal, headers } = {}) {
    const all = { Authorization: `Bearer ${this.key}`, Accept: 'application/json', ...headers };
    if (body !== undefined) {
      all['Content-Type'] = 'application/json';
    }
    if (ifMatch !== undefined && ifMatch !== null) {
      all['If-Match'] = `"${ifMatch}"`;
    }
    const response = await this.fetch(this.baseUrl + path, {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    if (!response.ok) {
      throw new TelephonyError(response.status, await problemOf(response));
    }
    return response;
  }
}

async function problemOf(response) {
  const text = await response.text().catch(() => '');
  try {
    return text ? JSON.parse(text) : { title: response.statusText };
  } catch {
    return { title: response.statusText, detail: text };
  }
}
