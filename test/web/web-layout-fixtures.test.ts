/**
 * Plans in no known layout, asked over HTTP: the harder layout fixtures (`x-*`: a comune, a provincia, ASL/AUSL, a
 * university, an agency, a national body, a camera di commercio) are the only plans of a temp folder, with one more
 * report that names objective codes only in its prose. The engine builds its index from them and `/api/ask` answers.
 * A code written in the indexed text but read into no record is never "not found".
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { FeedbackStore } from '../../src/feedback/feedback-store.ts';
import { startWebServer } from '../../src/web/web-server.ts';
import { LAYOUTS_DIR } from '../ingest/support/layout-score.ts';

/** A report whose codes are written only in running text: no extractor reads them as records. */
const PROSE_REPORT = `COMUNE DI MONTE SARACENO
Relazione sulla Performance 2023

Nel corso dell'anno l'obiettivo DS-23-07, affidato alla Dott.ssa Carla Neri, è stato sospeso per la
riorganizzazione degli uffici. L'obiettivo PR-17/B sulla videosorveglianza è stato rinviato al 2025 per
mancanza di copertura finanziaria; ne resta responsabile il Comandante Giulio Ferri.
`;

let dir: string;
let server: Awaited<ReturnType<typeof startWebServer>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pianobot-web-layouts-'));
  const plans = join(dir, 'plans');
  mkdirSync(plans);
  for (const f of readdirSync(LAYOUTS_DIR).filter((f) => /^x-.*\.txt$/.test(f)))
    copyFileSync(join(LAYOUTS_DIR, f), join(plans, f));
  writeFileSync(join(plans, 'relazione-monte-saraceno.txt'), PROSE_REPORT);
  const config = loadConfig({ PORT: '0', PLANS_DIR: plans, INDEX_DIR: join(dir, 'index'), DATA_DIR: dir });
  server = await startWebServer({
    config,
    engine: await createEngine(config),
    feedback: new FeedbackStore(join(dir, 'feedback', 'votes.jsonl')),
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function ask(q: string): Promise<{ answer: string; found: boolean }> {
  const res = await fetch(`${server.url}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ q }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

const CASES = [
  { family: 'a) stacked labels (ASL)', q: "Chi dirige l'obiettivo ASL-24-12 dell'ASL?", says: ['BERTOLINI MARCO'] },
  {
    family: 'c) flattened table, owner as "Rossi M."',
    q: "Quale valore atteso ha l'obiettivo OP.1.2?",
    says: ['€ 180.000,00'],
  },
  { family: 'c) tabbed table, code before the objective', q: 'Chi segue DC2.02?', says: ['Silvia Orlandi'] },
  {
    family: 'd) heading scope past a sentence that wraps onto "Area …"',
    q: "A chi è affidato l'obiettivo TM.02?",
    says: ['ROSSI MARIO', 'AREA TECNICA E MANUTENTIVA'],
  },
  { family: 'e) matrix of managers', q: "Chi ha in carico l'obiettivo OB-04?", says: ['CONTI L.', 'MARCHETTI G.'] },
  {
    family: 'f) numbered list restarting in each department',
    q: "Qual è il peso dell'inventario dei beni mobili dei laboratori di chimica agraria?",
    says: ['peso 20', 'Giorgio Landi'],
  },
  {
    family: 'g) objectives without codes',
    q: 'Chi cura la migrazione dei servizi applicativi sul cloud qualificato?',
    says: ['Tommaso Greco'],
  },
  { family: 'h) targets for three years', q: 'Target 2025 di S.02.1?', says: ['80%'] },
  { family: 'm) report with target and result', q: "Com'è andato l'obiettivo DS-23-02?", says: ['13,2%'] },
  {
    family: 'm) headings, stacked sheets and phase tables',
    q: 'Fasi di LP-25-01?',
    says: ['Gara e aggiudicazione', '30/06/2025'],
  },
];

describe('questions over the harder layout fixtures, through /api/ask', () => {
  it.each(CASES)('$family: "$q"', async ({ q, says }) => {
    const { answer } = await ask(q);
    for (const s of says) expect(answer).toContain(s);
  });

  it("names each plan's issuing body, not the provincia or regione its text mentions", async () => {
    const { answer } = await ask('Quali piani hai?');
    expect(answer).toContain('Comune di Borgo Ferrone');
    expect(answer).toContain('Comune di San Vito al Colle');
    expect(answer).not.toMatch(/^• (?:Provincia di Lucena|Regione)/m);
  });
});

describe('no false denials', () => {
  it('a code of a known shape written only in the text is quoted from it, not denied', async () => {
    const { answer } = await ask("Chi è il responsabile dell'obiettivo DS-23-07?");
    expect(answer).not.toMatch(/Non ho trovato/);
    expect(answer).toContain('non come record strutturato');
    expect(answer).toContain('Carla Neri');
  });

  it('a code of a shape no record has, written only in the text, is quoted from it, not denied', async () => {
    const { answer } = await ask("Chi è il responsabile dell'obiettivo PR-17/B?");
    expect(answer).not.toMatch(/Non ho trovato/);
    expect(answer).toContain('PR-17/B sulla videosorveglianza');
  });

  it('a code in no plan at all is still said not to be there (the check above can fail)', async () => {
    const { answer } = await ask("Chi è il responsabile dell'obiettivo DS-23-99?");
    expect(answer).toContain('Non ho trovato il codice DS-23-99');
  });
});
