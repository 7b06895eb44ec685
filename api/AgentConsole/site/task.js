// What the console shows of a routed task.

/** The caller a task is about (the `from` its call put in its attributes), else the task's sid. */
export function callerOf(task) {
  try {
    return JSON.parse(task.attributes).from ?? task.sid;
  } catch {
    return task.sid;
  }
}
