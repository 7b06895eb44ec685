// Small DOM helpers: text always goes in as text, never as HTML.

/** The element with `id`. */
export function byId(id) {
  return document.getElementById(id);
}

/** Shows or hides `element`. */
export function show(element, visible) {
  element.hidden = !visible;
}

/** Replaces the rows of `table`'s body with one row per item, its cells the texts `cells(item)` gives. */
export function fillRows(table, items, cells) {
  const rows = items.map((item) => {
    const row = document.createElement('tr');
    for (const text of cells(item)) {
      const cell = document.createElement('td');
      cell.textContent = text ?? '';
      row.append(cell);
    }
    return row;
  });
  table.tBodies[0].replaceChildren(...rows);
}

/** Shows `error` in the problem line `element` (its problem details' title and detail), or hides it when there is none. */
export function showProblem(element, error) {
  element.textContent = error ? describe(error) : '';
  show(element, Boolean(error));
}

/** One line about a failure: the problem details' title, status and detail when the service answered, else the message. */
export function describe(error) {
  if (error?.name !== 'TelephonyError') {
    return error?.message ?? String(error);
  }
  const detail = error.detail && error.detail !== error.title ? ` ${error.detail}` : '';
  return `${error.title ?? 'The service refused the request.'} (${error.status})${detail}`;
}

/** Runs `action` with `button` disabled, showing a failure in `problem`. */
export async function act(button, problem, action) {
  button.disabled = true;
  try {
    showProblem(problem, null);
    await action();
  } catch (error) {
    showProblem(problem, error);
  } finally {
    button.disabled = false;
  }
}
