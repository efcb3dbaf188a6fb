// Staff tools on the chat page: a person's objectives and deadlines, the plan checks, charts (also under answers about
// one project or objective). Built with DOM nodes and textContent only; charts are the server's SVG shown as an image
// whose alt text, caption and data table say what it shows.

const CHECKS_SHOWN = 10;

/**
 * @param {string} tag
 * @param {Record<string, string>} [attrs]
 * @param {...(Node | string)} children
 */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** The staff token the chat keeps for this browser session (same key as chat-client.js), as an Authorization header. */
function authHeaders() {
  try {
    const token = sessionStorage.getItem('pianobot-staff-token');
    return token ? { authorization: `Bearer ${token}` } : {};
  } catch {
    return {};
  }
}

/** @param {string} path */
async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json', ...authHeaders() } });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error(data?.error?.message ?? `HTTP ${response.status}`);
  return data;
}

/** @param {HTMLElement} box @param {string} message */
function showError(box, message) {
  box.replaceChildren(el('p', { class: 'tool-error', role: 'alert' }, message));
}

// --- a person's objectives and deadlines ---

const personForm = /** @type {HTMLFormElement | null} */ (document.getElementById('person-form'));
personForm?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const box = /** @type {HTMLElement} */ (document.getElementById('person-result'));
  const name = /** @type {HTMLInputElement} */ (document.getElementById('person-name')).value.trim();
  const days = /** @type {HTMLSelectElement} */ (document.getElementById('person-days')).value;
  if (name.length < 2) return showError(box, 'Scrivi cognome e nome della persona.');
  box.replaceChildren(el('p', {}, 'Cerco…'));
  try {
    const data = await getJson(`/api/staff/person?${new URLSearchParams({ name, days })}`);
    box.replaceChildren(renderPerson(data));
  } catch (error) {
    showError(box, /** @type {Error} */ (error).message);
  }
});

/** @param {any} data */
function renderPerson(data) {
  const wrap = el('div', { class: 'person-view' });
  const digest = data.digest;
  const mine = digest.people[0];
  wrap.append(el('h4', {}, `${data.person}: in scadenza dal ${italian(digest.from)} al ${italian(digest.to)}`));
  if (!mine) wrap.append(el('p', {}, 'Nessuna voce con data in scadenza in questo periodo.'));
  else {
    const list = el('ul', { class: 'digest' });
    for (const o of mine.objectives) {
      const item = el('li', {}, el('strong', {}, `${o.code} — ${o.title}`), ` (${o.entity})`);
      const inner = el('ul');
      for (const i of o.items)
        inner.append(
          el('li', {}, `${i.date} — ${KINDS[i.kind] ?? i.kind}: ${i.title} (in scadenza) · ${i.source.label}`),
        );
      item.append(inner);
      list.append(item);
    }
    wrap.append(list);
  }
  wrap.append(el('h4', {}, 'I miei obiettivi'));
  const objectives = el('ul', { class: 'objectives' });
  for (const o of data.overview.objectives) {
    const item = el('li', {}, el('strong', {}, `${o.code} — ${o.title}`));
    if (o.nextDeadline)
      item.append(el('div', {}, `Prossima scadenza: ${o.nextDeadline.date} — ${o.nextDeadline.title}`));
    item.append(el('div', { class: 'source-where' }, o.source));
    objectives.append(item);
  }
  wrap.append(objectives);
  return wrap;
}

const KINDS = /** @type {Record<string, string>} */ ({
  phase: 'fase',
  indicator: 'indicatore',
  indicator_intermediate: 'indicatore, valore intermedio',
  objective: 'obiettivo',
});

/** @param {string} iso */
function italian(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

// --- plan checks ---

document.getElementById('checks-run')?.addEventListener('click', async () => {
  const box = /** @type {HTMLElement} */ (document.getElementById('checks-result'));
  box.replaceChildren(el('p', {}, 'Verifico…'));
  try {
    box.replaceChildren(renderChecks(await getJson('/api/staff/checks')));
  } catch (error) {
    showError(box, /** @type {Error} */ (error).message);
  }
});

/** @param {any} data */
function renderChecks(data) {
  const wrap = el('div', { class: 'checks' });
  const s = data.summary;
  wrap.append(
    el('p', {}, `${s.errors} incongruenze, ${s.warnings} punti da verificare, ${s.gaps} informazioni mancanti.`),
  );
  const listed = data.findings.filter((/** @type {any} */ f) => f.severity !== 'gap');
  const list = el('ol', { class: 'check-list', id: 'check-list' });
  listed.forEach((/** @type {any} */ f, /** @type {number} */ i) => {
    const item = el(
      'li',
      { class: `check check-${f.severity}` },
      el('span', { class: 'badge' }, f.severity === 'error' ? 'Incongruenza' : 'Da verificare'),
      ' ',
      f.message,
      el('div', { class: 'source-where' }, f.source),
    );
    if (i >= CHECKS_SHOWN) item.hidden = true;
    list.append(item);
  });
  wrap.append(list);
  if (listed.length > CHECKS_SHOWN) {
    const more = el(
      'button',
      { type: 'button', class: 'show-more', 'aria-expanded': 'false', 'aria-controls': 'check-list' },
      `… e altri ${listed.length - CHECKS_SHOWN}`,
    );
    more.addEventListener('click', () => {
      for (const item of list.children) /** @type {HTMLElement} */ (item).hidden = false;
      more.setAttribute('aria-expanded', 'true');
      more.hidden = true;
    });
    wrap.append(more);
  }
  return wrap;
}

// --- charts ---

const chartForm = /** @type {HTMLFormElement | null} */ (document.getElementById('chart-form'));
chartForm?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const box = /** @type {HTMLElement} */ (document.getElementById('chart-result'));
  const ref = /** @type {HTMLInputElement} */ (document.getElementById('chart-ref')).value.trim();
  if (!ref) return showError(box, 'Scrivi un codice, «cdr 85» o «aree».');
  box.replaceChildren(el('p', {}, 'Disegno…'));
  try {
    box.replaceChildren(renderChart(await getJson(`/api/staff/chart?${new URLSearchParams({ ref })}`)));
  } catch (error) {
    showError(box, /** @type {Error} */ (error).message);
  }
});

// an answer about one project or objective gets its chart (budget by capitolo, phases over time) below it
document.addEventListener('pianobot:answer', async (event) => {
  const { slot, focus, intent } = /** @type {CustomEvent} */ (event).detail;
  if (!Array.isArray(focus) || focus.length !== 1) return;
  try {
    const response = await fetch(
      `/api/staff/chart?${new URLSearchParams({ ref: focus[0], ifany: '1', intent: String(intent) })}`,
    );
    if (response.status !== 200) return;
    const answer = slot.querySelector('.answer');
    (answer ?? slot).after(renderChart(await response.json()));
  } catch {
    // no chart for this record: the answer is enough
  }
});

let chartCount = 0;

/**
 * The chart as an image of the server's SVG: its alt text is the one-sentence summary, the caption its title, and the
 * whole data is a table behind "Dati del grafico" for anyone who cannot see it (or wants the figures as written).
 * @param {any} data
 */
function renderChart(data) {
  chartCount++;
  const id = `chart-${chartCount}`;
  const figure = el('figure', { class: 'chart', 'aria-labelledby': `${id}-caption` });
  const img = el('img', {
    src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.svg)}`,
    alt: data.alternative.summary,
  });
  figure.append(img, el('figcaption', { id: `${id}-caption` }, data.title));
  const details = el('details', { class: 'chart-data' });
  const table = el('table');
  table.append(el('caption', {}, data.title));
  const head = el('tr');
  for (const h of data.alternative.header) head.append(el('th', { scope: 'col' }, h));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const row of data.alternative.rows) {
    const tr = el('tr');
    row.forEach((/** @type {string} */ cell, /** @type {number} */ i) => {
      tr.append(el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, cell));
    });
    body.append(tr);
  }
  table.append(body);
  details.append(el('summary', {}, 'Dati del grafico'), table);
  figure.append(details);
  const sources = [...new Set(data.citations.map((/** @type {any} */ c) => c.label))];
  figure.append(
    el(
      'p',
      { class: 'chart-source' },
      `Fonte: ${sources.slice(0, 3).join('; ')}${sources.length > 3 ? ` … e altri ${sources.length - 3}` : ''}`,
    ),
  );
  return figure;
}
