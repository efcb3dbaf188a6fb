/**
 * Questions over plans in no known layout, through the real engine: the layout fixtures (one per family) are the
 * only plans of a temp folder, the engine builds its index from them, and each answer names what the fixture says.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/answer/answer.ts';
import { createEngine } from '../../src/answer/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { LAYOUTS_DIR } from './support/layout-score.ts';

const FIXTURES = ['a-1', 'b-1', 'c-1', 'd-2', 'e-1', 'f-1', 'g-1', 'h-1', 'h-2'];

let dir: string;
let engine: AnswerEngine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pianobot-layouts-'));
  const plans = join(dir, 'plans');
  mkdirSync(plans);
  for (const f of FIXTURES) copyFileSync(join(LAYOUTS_DIR, `${f}.txt`), join(plans, `${f}.txt`));
  engine = await createEngine(loadConfig({ PLANS_DIR: plans, INDEX_DIR: join(dir, 'index'), DATA_DIR: dir }));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const CASES = [
  {
    family: 'a) stacked label / value',
    q: "Chi è il responsabile dell'obiettivo TRB-2023-03?",
    says: 'Marcello Iacopini',
  },
  { family: 'b) inline label: value', q: "Chi è il responsabile dell'obiettivo PL/24/2?", says: 'Piero Lanza' },
  { family: 'c) table with a header row', q: 'Who is responsible for objective ST2?', says: 'Luigi Baldi' },
  { family: 'd) section headings', q: "Chi è il responsabile dell'obiettivo SF.20.1?", says: 'Alessio Gentile' },
  { family: 'e) matrix', q: "Chi è il responsabile dell'obiettivo OO.3?", says: 'Serafini Paolo' },
  {
    family: 'f) numbered list under one owner',
    q: 'Chi è responsabile della catalogazione del fondo librario Lazzeri?',
    says: 'Annalisa Cerri',
  },
  {
    family: 'g) no codes: found by title',
    q: 'Chi è responsabile della mappatura dei processi a rischio corruttivo?',
    says: 'Luca Ferrante',
  },
  { family: 'h) several years on one page', q: "Qual è il target 2020 dell'obiettivo OS.R.2?", says: '3.000' },
];

describe('questions over plans in no known layout, one per family', () => {
  it.each(CASES)('$family: "$q" names $says', async ({ q, says }) => {
    const answer = await engine.ask(q);
    expect(answer.answer).toContain(says);
  });

  it("gives a report's result beside the target, as written", async () => {
    const answer = await engine.ask("Qual è il risultato dell'obiettivo AA-02?");
    expect(answer.answer).toContain('valore atteso: € 30.000 · risultato: € 27.450,00');
  });

  it("gives an objective's weight read from a numbered list", async () => {
    const answer = await engine.ask('Quanto pesa la catalogazione del fondo librario Lazzeri?');
    expect(answer.answer).toContain('peso 30');
  });
});
