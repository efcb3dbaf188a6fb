/**
 * Detail facts, help-desk questions and records named by their words, asked of the five sample plans through the
 * real HTTP route (`POST /api/ask`). Worded apart from the eval sets; expected strings read from data/plans/*.txt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RealWebApp, startRealWebApp } from '../support/real-web-app.ts';

describe('detail questions, through POST /api/ask', () => {
  let app: RealWebApp;

  beforeAll(async () => {
    app = await startRealWebApp('pianobot-detail-questions-');
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** the first quoted line of the answer: the sentence pianobot puts first */
  const firstQuote = (answer: string) => answer.split('\n').find((l) => l.startsWith('>')) ?? '';

  it.each([
    // where the money comes from: the sentence with the source, not the one repeating the subject
    ['da quali fondi arriva il finanziamento del Centro Diurno per senzatetto a Prato?', 'PON FSE'],
    // what it is for: the sentence about the building goes on in the next one, which holds the purpose
    ["qual è lo scopo dei lavori sull'ex scuola Don Bosco?", 'Agenzia di collocamento'],
    // how often
    ['con che cadenza si svolgono le prove di evacuazione nelle sedi provinciali?', "una volta l'anno"],
    // a yes/no question of the help desk: the sentence about the offices themselves, not the general rule
    ['posso accedere in carrozzina agli uffici provinciali?', 'Palazzo Massai'],
  ])('"%s" quotes first the sentence that answers', async (q, expected) => {
    const { answer, found } = await app.ask(q);
    expect(found).toBe(true);
    expect(firstQuote(answer)).toContain(expected);
  });

  it('quotes a long sentence around the body it names, not cut before it', async () => {
    const { answer } = await app.ask(
      "da quale ente viene certificata la formazione dei detenuti impiegati nell'archivio comunale di Chiavari?",
    );
    expect(answer).toContain('ALFA');
  });

  it('finds the record named by words of its text and a synonym, and answers what is asked of it', async () => {
    const { answer, found, intent } = await app.ask('chi cura lo studio sulla natalità a Prato?');
    expect(found).toBe(true);
    expect(intent).toBe('objective_owner');
    expect(answer.split('\n')[0]).toContain('Lotti Rosanna');
  });

  it("answers a project's figure asked through the words of its objectives", async () => {
    const { answer } = await app.ask('quanto è stanziato per il progetto dedicato a rom e sinti a Reggio Emilia?');
    expect(answer.split('\n')[0]).toContain('96.000,00');
    expect(answer.split('\n')[0]).toContain('2021_PD_8908');
  });
});
