/**
 * Questions written the way people write them, through POST /api/ask over the real engine and the sample plans: no
 * accents, typos, Slack markup, office shorthands, names in any order or case, English with Italian terms, polite
 * wrappers. Each style has its own wording here (none is copied from eval/); expected figures are the plans' own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RealWebApp, startRealWebApp } from '../support/real-web-app.ts';

describe('questions in the styles real users write, through /api/ask', () => {
  let app: RealWebApp;

  beforeAll(async () => {
    app = await startRealWebApp('pianobot-user-styles-');
  });

  afterAll(async () => {
    await app?.stop();
  });

  const ask = (q: string) => app.ask(q);

  it('missing accents and apostrophes', async () => {
    const a = await ask('qual e la fase piu leggera dell obiettivo 2020-CP09 e quanto pesa');
    expect(a.answer).toContain('10,00');
    expect(a.answer.toLowerCase()).toContain('segnaletica');
  });

  it('typos in record words', async () => {
    const owner = await ask('chi è il resposnabile del obbiettivo 2020-PF31');
    expect(owner.answer).toContain('Fedi Simona');
    const budget = await ask('stanzaimento progetto 2021_PD_8728');
    expect(budget.answer).toContain('1.020.000,00');
  });

  it('typos in names, in capitals or lower case', async () => {
    const a = await ask('che obiettivi segue CAROSELA MARIA TERESA');
    expect(a.answer).toContain('2020-PR31');
    const b = await ask('progetti seguiti da bagnacni cristina');
    expect(b.answer).toContain('2021_PD_8501');
  });

  it('a typo in a title word still finds the record', async () => {
    const a = await ask('budget del progetto passpartout di serravalle');
    expect(a.answer).toContain('218.000,00');
  });

  it('Slack style: a mention, emoji, no capitals, trailing punctuation', async () => {
    const a = await ask('<@U01BOT42> responsabile 2020-ug08 :eyes: 🙏 ?!');
    expect(a.answer).toContain('Lotti Rosanna');
    expect(a.found).toBe(true);
  });

  it('Slack escapes ">" as "&gt;" in a filter', async () => {
    const a = await ask('progetti cdr 87 budget &gt; 1,5 mln');
    expect(a.answer).toContain('2021_PD_8735');
    expect(a.answer).not.toContain('2021_PD_8728');
  });

  it('office shorthands and glued magnitudes', async () => {
    const owner = await ask('resp. dell ob. 2020-PG19');
    expect(owner.answer).toContain('Caporaso Francesco');
    const head = await ask('dir. c.d.r. 87');
    expect(head.answer).toContain('Corradini Germana');
    const range = await ask('prog. con budget tra 150k e 200k');
    expect(range.answer).toContain('2021_PD_8901');
    expect(range.answer).not.toContain('2021_PG_8737');
  });

  it('English with Italian record words', async () => {
    const a = await ask('which progetti of the cdr 85 have a budget above 2 mln?');
    expect(a.answer).toContain('2021_PD_8716');
    expect(a.answer).toContain('2021_PG_8523');
  });

  it('polite wrappers in both languages', async () => {
    const it1 = await ask('Buonasera, mi sapresti dire per cortesia chi segue il 2020-PE09? grazie');
    expect(it1.answer).toContain('Lotti Rosanna');
    const en1 = await ask('Hello! I would like to know the budget of progetto 2021_PD_8901, thanks');
    expect(en1.answer).toContain('196.500,00');
  });

  it('a greeting or thanks alone still gets the help answer', async () => {
    for (const q of ['salve pianobot', 'grazie mille!']) {
      const a = await ask(q);
      expect(a.intent).toBe('help');
    }
  });

  it('courtesy around a question about something the plans lack does not make it found', async () => {
    const a = await ask("scusa, sai dirmi chi è il responsabile dell'obiettivo 2020-ZZ99? grazie");
    expect(a.found).toBe(false);
    expect(a.answer).toContain('2020-ZZ99');
  });

  it('markup alone gets an answer, not an error', async () => {
    const a = await ask(':wave: <@U01BOT42>');
    expect(typeof a.answer).toBe('string');
  });
});
