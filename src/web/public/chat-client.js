// The chat on both pages: sends questions to /api/ask, shows answers with their sources, collects feedback.
// Page differences come from data attributes on <body>: audience, channel (feedback) and order of the turns.
// Everything is built with DOM nodes and textContent: answer and document text is never parsed as HTML.
import { parseAnswerMarkup, plainAnswerText, withoutSourcesLine } from './answer-markup.js';

const TEXT = {
  web: {
    question: 'Domanda',
    answer: 'Risposta',
    pending: 'Sto cercando nei piani…',
    sources: 'Fonti',
    excerpt: 'Mostra il testo citato',
    internal: 'uso interno',
    noSources: 'Nessuna fonte citata.',
    feedbackPrompt: 'Questa risposta è stata utile?',
    thanks: 'Grazie, il tuo riscontro è stato registrato.',
    feedbackFailed: 'Non è stato possibile registrare il riscontro. Riprova più tardi.',
    error: 'Non è stato possibile ottenere una risposta.',
    empty: 'Scrivi una domanda prima di inviare.',
    announce: 'Risposta: ',
    tokenPrompt: 'Chiave di accesso del personale (la trovi presso chi gestisce pianobot):',
    publicOnly:
      'Questa pagina riceve le risposte pubbliche, come lo sportello: i dati riservati al personale non sono mostrati.',
  },
  helpdesk: {
    question: 'La tua domanda',
    answer: 'Risposta',
    pending: 'Stiamo cercando la risposta…',
    sources: 'Dove abbiamo trovato questa informazione',
    excerpt: 'Leggi il testo originale',
    internal: '',
    noSources: '',
    feedbackPrompt: 'Ti è stata utile questa risposta?',
    thanks: 'Grazie per il tuo parere!',
    feedbackFailed: 'Non siamo riusciti a registrare il tuo parere. Riprova più tardi.',
    error: 'Non siamo riusciti a rispondere in questo momento.',
    empty: 'Scrivi la tua domanda nel campo, poi premi Invio.',
    announce: 'Risposta: ',
  },
};

const HISTORY_TURNS = 4;
const SOURCES_SHOWN = 5;
const HISTORY_ANSWER_CHARS = 1500;

const body = document.body;
const audience = body.dataset.audience === 'public' ? 'public' : 'staff';
const channel = body.dataset.channel === 'helpdesk' ? 'helpdesk' : 'web';
const newestFirst = body.dataset.order === 'newest-first';
const text = TEXT[channel];

const form = /** @type {HTMLFormElement} */ (document.getElementById('ask-form'));
const input = /** @type {HTMLInputElement} */ (document.getElementById('question'));
const fieldError = /** @type {HTMLElement} */ (document.getElementById('question-error'));
const conversation = /** @type {HTMLOListElement} */ (document.getElementById('conversation'));
const emptyNote = document.getElementById('conversation-empty');
const announcer = /** @type {HTMLElement} */ (document.getElementById('announcer'));

/** @type {{ question: string, answer?: object }[]} */
const history = [];
let busy = false;
let turnCount = 0;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void ask(input.value);
});

// one listener on the list: the buttons may be replaced by the ones built from the plans served
const suggestionList = document.querySelector('ul.suggestions');
suggestionList?.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button.suggestion') : null;
  if (!button) return;
  input.value = button.textContent?.trim() ?? '';
  input.focus();
  void ask(input.value);
});
if (suggestionList instanceof HTMLElement && suggestionList.dataset.source === 'plans')
  void loadSuggestions(suggestionList);

const TOKEN_KEY = 'pianobot-staff-token';

setUpLargeText();
if (audience === 'staff') void staffLogin();

/** The staff token kept for this browser session (the page asks for it once), as an Authorization header. */
function authHeaders() {
  try {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return token ? { authorization: `Bearer ${token}` } : {};
  } catch {
    return {};
  }
}

/**
 * When the server wants a staff token and this session has none (or a wrong one), asks for it once. Whenever this
 * page ends up with public answers (no token, a wrong one, or a server with no staff audience), it says so visibly.
 */
async function staffLogin() {
  const session = await fetch('/api/session', { headers: authHeaders() })
    .then((r) => r.json())
    .catch(() => null);
  if (!session || session.audience === 'staff') return;
  if (session.staffLogin === 'token') {
    const token = window.prompt(TEXT.web.tokenPrompt)?.trim();
    if (token) {
      try {
        sessionStorage.setItem(TOKEN_KEY, token);
      } catch {}
      const again = await fetch('/api/session', { headers: authHeaders() })
        .then((r) => r.json())
        .catch(() => null);
      if (again?.audience === 'staff') return;
      try {
        sessionStorage.removeItem(TOKEN_KEY);
      } catch {}
    }
  }
  const note = el('p', { id: 'audience-note', class: 'hint', role: 'status' }, TEXT.web.publicOnly);
  form.before(note);
}

/** @param {string} raw */
async function ask(raw) {
  const question = raw.trim();
  if (!question) {
    showFieldError(text.empty);
    input.focus();
    return;
  }
  if (busy) return;
  busy = true;
  showFieldError('');
  input.value = '';

  const turn = addTurn(question);
  conversation.setAttribute('aria-busy', 'true');
  announce(text.pending);
  try {
    const response = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ q: question, audience, history: history.slice(-HISTORY_TURNS) }),
    });
    const data = await response.json().catch(() => null);
    if (!response.ok || !data || typeof data.answer !== 'string') {
      const reason = data?.error?.message;
      renderError(turn, reason ? `${text.error} (${reason})` : text.error);
      return;
    }
    const shown = renderAnswer(turn, question, data);
    history.push({
      question,
      answer: {
        answer: data.answer.slice(0, HISTORY_ANSWER_CHARS),
        citations: [],
        lang: data.lang,
        found: data.found,
        intent: data.intent ?? 'unknown',
        focus: Array.isArray(data.focus) ? data.focus : [],
      },
    });
    announce(text.announce + plainAnswerText(shown));
  } catch {
    renderError(turn, text.error);
  } finally {
    conversation.removeAttribute('aria-busy');
    busy = false;
  }
}

/** @param {string} question */
function addTurn(question) {
  turnCount++;
  const id = `turn-${turnCount}`;
  const item = el('li', { class: 'turn', id });
  const article = el('article', { 'aria-labelledby': `${id}-q` });
  const heading = el('h3', { class: 'turn-question', id: `${id}-q` });
  heading.append(el('span', { class: 'turn-label' }, `${text.question}: `), document.createTextNode(question));
  const slot = el('div', { class: 'turn-body' });
  slot.append(el('p', { class: 'pending' }, text.pending));
  article.append(heading, slot);
  item.append(article);
  if (newestFirst) conversation.prepend(item);
  else conversation.append(item);
  if (emptyNote) emptyNote.hidden = true;
  item.scrollIntoView({ block: 'nearest' });
  return { id, slot };
}

/**
 * @param {{ id: string, slot: HTMLElement }} turn
 * @param {string} question
 * @param {{ answer: string, citations?: any[], lang?: string, found?: boolean, answerId?: string }} data
 * @returns {string} the answer text as shown
 */
function renderAnswer(turn, question, data) {
  // the help desk shows public sources only, whatever the server sent
  const citations = (data.citations ?? []).filter((c) => audience === 'staff' || !c.internal);
  // the sources are listed below the answer in full, so the answer's own one-line summary of them is left out
  const shown = citations.length ? withoutSourcesLine(data.answer) : data.answer;
  const answerBox = el('div', { class: data.found === false ? 'answer not-found' : 'answer' });
  if (data.lang === 'en') answerBox.lang = 'en';
  answerBox.append(el('p', { class: 'visually-hidden' }, `${text.answer}:`));
  for (const block of parseAnswerMarkup(shown)) {
    if (block.type === 'list') {
      const list = el('ul');
      for (const item of block.items) {
        const li = withSpans(el('li'), item.spans);
        if (item.sub.length) {
          const sub = el('ul');
          for (const spans of item.sub) sub.append(withSpans(el('li'), spans));
          li.append(sub);
        }
        list.append(li);
      }
      answerBox.append(list);
    } else if (block.type === 'quote') {
      const quote = el('blockquote', { class: 'answer-quote' });
      quote.append(withSpans(el('p'), block.spans));
      if (block.source) quote.append(withSpans(el('p', { class: 'quote-source' }), block.source));
      answerBox.append(quote);
    } else {
      answerBox.append(withSpans(el('p'), block.spans));
    }
  }
  const parts = [answerBox];
  if (citations.length) parts.push(renderSources(turn.id, citations));
  else if (text.noSources) parts.push(el('p', { class: 'no-sources' }, text.noSources));
  if (data.answerId) parts.push(renderFeedback(turn.id, question, data.answer, data.answerId));
  turn.slot.replaceChildren(...parts);
  // other tools on the page (charts for staff) add to an answer about one record
  document.dispatchEvent(
    new CustomEvent('pianobot:answer', {
      detail: { slot: turn.slot, focus: Array.isArray(data.focus) ? data.focus : [], intent: data.intent ?? '' },
    }),
  );
  return shown;
}

/**
 * @param {string} turnId
 * @param {any[]} citations
 */
function renderSources(turnId, citations) {
  const section = el('section', { class: 'sources', 'aria-labelledby': `${turnId}-sources` });
  section.append(el('h4', { id: `${turnId}-sources` }, text.sources));
  const list = el('ol', { class: 'source-list', id: `${turnId}-source-list` });
  citations.forEach((c, i) => {
    const item = el('li', { class: 'source' });
    // a long list shows its first sources; the rest wait behind "… e altri N"
    if (i >= SOURCES_SHOWN) item.hidden = true;
    const title = el('p', { class: 'source-title' });
    title.append(el('strong', {}, String(c.section || c.entity || c.label || c.doc || '')));
    if (c.internal) title.append(' ', el('span', { class: 'badge' }, `(${text.internal})`));
    item.append(title);
    item.append(el('p', { class: 'source-where' }, c.label ? String(c.label) : whereOf(c)));
    if (c.excerpt) {
      const details = el('details', { class: 'excerpt' });
      details.append(el('summary', {}, text.excerpt), el('blockquote', {}, String(c.excerpt)));
      item.append(details);
    }
    list.append(item);
  });
  section.append(list);
  if (citations.length > SOURCES_SHOWN) {
    const more = el(
      'button',
      { type: 'button', class: 'show-more', 'aria-expanded': 'false', 'aria-controls': list.id },
      `… e altri ${citations.length - SOURCES_SHOWN}`,
    );
    more.addEventListener('click', () => {
      for (const item of list.children) /** @type {HTMLElement} */ (item).hidden = false;
      more.setAttribute('aria-expanded', 'true');
      more.hidden = true;
      /** @type {HTMLElement | null} */ (list.children[SOURCES_SHOWN])?.focus?.();
    });
    section.append(more);
  }
  return section;
}

/** Where a source is when the server gave no readable label: file, entity, lines, page. */
/** @param {any} c */
function whereOf(c) {
  const where = [`Documento: ${c.doc}`];
  if (c.entity && c.section) where.push(String(c.entity));
  if (c.lines) where.push(String(c.lines).includes('-') ? `righe ${c.lines}` : `riga ${c.lines}`);
  if (c.page) where.push(`pagina ${c.page}`);
  return where.join(' · ');
}

/**
 * @param {string} turnId
 * @param {string} question
 * @param {string} answer
 * @param {string} answerId
 */
function renderFeedback(turnId, question, answer, answerId) {
  const group = el('div', { class: 'feedback', role: 'group', 'aria-labelledby': `${turnId}-fb` });
  group.append(el('p', { id: `${turnId}-fb`, class: 'feedback-prompt' }, text.feedbackPrompt));
  const buttons = el('div', { class: 'feedback-buttons' });
  for (const [vote, label] of /** @type {const} */ ([
    ['up', 'Sì'],
    ['down', 'No'],
  ])) {
    const button = el('button', { type: 'button', class: `vote vote-${vote}` }, label);
    button.addEventListener('click', () => void sendVote(group, { answerId, vote, question, answer }));
    buttons.append(button);
  }
  group.append(buttons);
  return group;
}

/**
 * @param {HTMLElement} group
 * @param {{ answerId: string, vote: string, question: string, answer: string }} vote
 */
async function sendVote(group, vote) {
  for (const b of group.querySelectorAll('button')) b.disabled = true;
  let message = text.thanks;
  try {
    const response = await fetch('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...vote, answer: vote.answer.slice(0, 8000), clientId: clientId() }),
    });
    if (!response.ok) message = text.feedbackFailed;
  } catch {
    message = text.feedbackFailed;
  }
  // the pressed button disappears, so focus moves to the message that replaces it instead of getting lost
  const note = el('p', { class: 'feedback-thanks', tabindex: '-1' }, message);
  group.replaceChildren(note);
  note.focus();
  announce(message);
}

/**
 * @param {{ id: string, slot: HTMLElement }} turn
 * @param {string} message
 */
function renderError(turn, message) {
  turn.slot.replaceChildren(el('p', { class: 'turn-error', role: 'alert' }, `⚠ ${message}`));
}

/** @param {string} message */
function showFieldError(message) {
  fieldError.textContent = message;
  fieldError.hidden = !message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** @param {string} message */
function announce(message) {
  // clearing first makes screen readers announce the same text twice in a row as well
  announcer.textContent = '';
  setTimeout(() => {
    announcer.textContent = message;
  }, 50);
}

/** Anonymous, per browser: lets the server refuse a second vote on the same answer without any login. */
function clientId() {
  const key = 'pianobot-client-id';
  try {
    const known = localStorage.getItem(key);
    if (known) return known;
    const id = randomId();
    localStorage.setItem(key, id);
    return id;
  } catch {
    return randomId();
  }
}

function randomId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  return `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function setUpLargeText() {
  const toggle = document.getElementById('large-text');
  if (!toggle) return;
  const key = 'pianobot-large-text';
  const apply = (/** @type {boolean} */ on) => {
    document.documentElement.classList.toggle('large-text', on);
    toggle.setAttribute('aria-pressed', String(on));
  };
  try {
    apply(localStorage.getItem(key) === '1');
  } catch {
    apply(false);
  }
  toggle.addEventListener('click', () => {
    const on = toggle.getAttribute('aria-pressed') !== 'true';
    apply(on);
    try {
      localStorage.setItem(key, on ? '1' : '0');
    } catch {
      // private browsing: the choice lasts for this page only
    }
  });
}

/**
 * @param {HTMLElement} parent
 * @param {{ text: string, bold: boolean }[]} spans
 */
function withSpans(parent, spans) {
  for (const span of spans) parent.append(span.bold ? el('strong', {}, span.text) : document.createTextNode(span.text));
  return parent;
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attrs]
 * @param {string} [content]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, attrs = {}, content) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (content !== undefined) node.textContent = content;
  return node;
}

/**
 * Replaces the page's plan-independent suggestions with questions the server builds from the plans it serves (their
 * codes and people), so every button names a record this deployment holds. On any failure the page's own stay.
 */
async function loadSuggestions(list) {
  try {
    const lang = document.documentElement.lang === 'en' ? 'en' : 'it';
    const res = await fetch(`/api/suggestions?lang=${lang}`, { headers: authHeaders() });
    if (!res.ok) return;
    const body = await res.json();
    const questions = Array.isArray(body?.questions) ? body.questions.filter((q) => typeof q === 'string') : [];
    if (!questions.length) return;
    list.replaceChildren(
      ...questions.map((q) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'suggestion';
        button.textContent = q;
        item.append(button);
        return item;
      }),
    );
  } catch {
    // the page's own suggestions stay
  }
}
