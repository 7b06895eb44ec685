// Reads something now and again after each answer, never two reads at once.

/**
 * Calls `read()` now and `intervalMs` after each answer; `onValue(value)` with what it resolves to, `onError(error)`
 * when it fails. Polling goes on after a failure unless `onError` returns false. Returns a function that stops it.
 */
export function poll(read, { onValue, onError }, intervalMs) {
  let stopped = false;
  let timer;
  const once = async () => {
    try {
      const value = await read();
      if (!stopped) onValue(value);
    } catch (error) {
      if (stopped || onError(error) === false) {
        stopped = true;
        return;
      }
    }
    if (!stopped) timer = setTimeout(once, intervalMs);
  };
  once();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
