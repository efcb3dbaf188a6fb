import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatAnswerForTerminal, runChat } from '../../src/cli/chat.ts';
import { FakeWebEngine } from '../fakes/fake-web-engine.ts';

async function chat(lines: string[], engine = new FakeWebEngine()) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d) => {
    text += d.toString();
  });
  const done = runChat(engine, { input, output });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return { text, engine };
}

describe('npm run chat', () => {
  it('answers each question with its sources and line numbers', async () => {
    const { text } = await chat(['budget di 2021_PD_8735']);
    expect(text).toContain('pianobot — 5 documenti');
    expect(text).toContain('  • 1.920.000,00');
    expect(text).toContain('Fonti:');
    expect(text).toContain('1. 2021_PD_8735 — 002_51402a20550dfbf2.txt, riga 1545');
  });

  it('keeps the conversation as history for follow-up questions, until /nuova', async () => {
    const { engine } = await chat(['budget di 2021_PD_8735', 'e i suoi indicatori?', '/nuova', 'altro 2021_PD_8735']);
    const histories = engine.calls.map((c) => c.options?.history?.map((t) => t.question));
    expect(histories).toEqual([[], ['budget di 2021_PD_8735'], []]);
  });

  it('answers as the public help desk after /pubblico, without internal sources', async () => {
    const { text, engine } = await chat(['/pubblico', 'personale di 2021_PD_8735', '/esci', 'never asked']);
    expect(engine.calls.map((c) => c.options?.audience)).toEqual(['public']);
    expect(text).not.toContain('uso interno');
  });

  it('reports an engine failure and keeps going', async () => {
    const { text } = await chat(['budget?'], new FakeWebEngine({ failWith: new Error('indice mancante') }));
    expect(text).toContain('Non è stato possibile rispondere: indice mancante');
  });
});

describe('formatAnswerForTerminal', () => {
  const answer = {
    answer: '*2021_PD_8735*: budget\n- 1.920.000,00',
    citations: [
      { doc: 'a.txt', section: 'X', lines: '3-4', excerpt: 'riga   uno\nriga due' },
      { doc: 'a.txt', section: 'Personale', lines: '9', internal: true },
    ],
    lang: 'it' as const,
    found: true,
    intent: 'test',
    focus: [],
  };

  it('shows staff every source, marking internal ones in words', () => {
    expect(formatAnswerForTerminal(answer, 'staff')).toBe(
      [
        '',
        '2021_PD_8735: budget',
        '  • 1.920.000,00',
        '',
        'Fonti:',
        '  1. X — a.txt, righe 3-4',
        '     «riga uno riga due»',
        '  2. Personale (uso interno) — a.txt, riga 9',
        '',
      ].join('\n'),
    );
  });

  it('drops internal sources for the public and uses bold only on a colour terminal', () => {
    const text = formatAnswerForTerminal(answer, 'public', true);
    expect(text).not.toContain('Personale');
    expect(text).toContain('\x1b[1m2021_PD_8735\x1b[22m');
  });
});
