// Reads a Server-Sent Events stream from a fetch Response (EventSource cannot send an Authorization header).

/** Calls `onEvent({ id, event, data })` for each event of `response`'s body until it ends or `signal` aborts. */
export async function readEvents(response, onEvent, signal) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const abort = () => reader.cancel().catch(() => {});
  signal?.addEventListener('abort', abort, { once: true });
  let buffer = '';
  let current = { data: [] };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (current.data.length > 0) {
            onEvent({ id: current.id, event: current.event ?? 'message', data: current.data.join('\n') });
          }
          current = { data: [] };
          continue;
        }
        if (line.startsWith(':')) {
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') current.data.push(text);
        else if (field === 'event') current.event = text;
        else if (field === 'id') current.id = text;
      }
    }
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}
