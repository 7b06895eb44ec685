// A small event emitter that runs in browsers and in node alike (the SDK has no runtime dependencies).
export class Emitter {
  #listeners = new Map();

  /** Calls `listener` for every `event` from now on; returns this. */
  on(event, listener) {
    const list = this.#listeners.get(event) ?? [];
    list.push(listener);
    this.#listeners.set(event, list);
    return this;
  }

  /** Calls `listener` for the next `event` only; returns this. */
  once(event, listener) {
    const wrapper = (...args) => {
      this.off(event, wrapper);
      listener(...args);
    };
    return this.on(event, wrapper);
  }

  /** Stops calling `listener` for `event`; returns this. */
  off(event, listener) {
    const list = this.#listeners.get(event);
    if (list) {
      this.#listeners.set(event, list.filter((l) => l !== listener));
    }
    return this;
  }

  /** Calls every listener of `event` with `args`; true when there was one. A listener that throws does not stop the others. */
  emit(event, ...args) {
    const list = this.#listeners.get(event) ?? [];
    for (const listener of [...list]) {
      try {
        listener(...args);
      } catch (error) {
        queueMicrotask(() => { throw error; });
      }
    }
    return list.length > 0;
  }
}
