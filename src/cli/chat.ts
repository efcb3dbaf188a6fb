/** `npm run chat`: a conversation with the answer engine in the terminal, for staff without Slack or a browser. */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { Answer, AnswerEngine, AskOptions, Audience } from '../answer/answer.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { parseAnswerMarkup, withoutSourcesLine } from '../web/public/answer-markup.js';

const HISTORY_TURNS = 6;

const HELP = [
  'Scrivi una domanda e premi Invio. Comandi:',
  '  /pubblico   rispondi come lo sportello per i cittadini (solo dati pubblici)',
  '  /personale  rispondi come la chat per il personale (predefinito)',
  '  /nuova      inizia una nuova conversazione',
  '  /esci       esci (anche Ctrl-D)',
].join('\n');

export interface ChatIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Reads questions line by line until /esci or end of input; each answer keeps the earlier turns as history. */
export async function runChat(engine: AnswerEngine, io: ChatIo, options: { audience?: Audience } = {}): Promise<void> {
  const color = Boolean(io.output.isTTY);
  const write = (text: string) => io.output.write(`${text}\n`);
  const rl = createInterface({ input: io.input, output: io.output, terminal: color });
  let audience: Audience = options.audience ?? 'staff';
  let history: NonNullable<AskOptions['history']> = [];

  const h = engine.health();
  write(
    `pianobot — ${h.documents} documenti, ${h.objectives} obiettivi, ${h.projects} progetti. /aiuto per i comandi.`,
  );
  rl.setPrompt(audience === 'public' ? 'cittadino> ' : 'domanda> ');
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/esci' || line === '/exit' || line === '/quit') break;
    if (line === '/aiuto' || line === '/help') write(HELP);
    else if (line === '/pubblico' || line === '/public') {
      audience = 'public';
      write('Ora rispondo come lo sportello per i cittadini: solo documenti pubblici, nessun dato interno.');
    } else if (line === '/personale' || line === '/staff') {
      audience = 'staff';
      write('Ora rispondo come la chat per il personale.');
    } else if (line === '/nuova' || line === '/new') {
      history = [];
      write('Nuova conversazione.');
    } else if (line) {
      try {
        const answer = await engine.ask(line, { audience, history: history.slice(-HISTORY_TURNS) });
        history.push({ question: line, answer });
        write(formatAnswerForTerminal(answer, audience, color));
      } catch (error) {
        write(`Non è stato possibile rispondere: ${(error as Error).message}`);
      }
    }
    rl.setPrompt(audience === 'public' ? 'cittadino> ' : 'domanda> ');
    rl.prompt();
  }
  rl.close();
}

/** The answer with its sources as terminal text; bold in colour terminals only, internal sources never for the public. */
export function formatAnswerForTerminal(answer: Answer, audience: Audience, color = false): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const citations = answer.citations.filter((c) => audience === 'staff' || !c.internal);
  const render = (spans: { text: string; bold: boolean }[]) =>
    spans.map((s) => (s.bold ? bold(s.text) : s.text)).join('');
  const lines: string[] = [''];
  // the sources are listed in full below, so the answer's one-line summary of them is left out
  for (const block of parseAnswerMarkup(citations.length ? withoutSourcesLine(answer.answer) : answer.answer)) {
    if (block.type === 'list') {
      for (const item of block.items) {
        lines.push(`  • ${render(item.spans)}`);
        for (const sub of item.sub) lines.push(`      ◦ ${render(sub)}`);
      }
    } else if (block.type === 'quote') {
      lines.push(`  > ${render(block.spans)}`);
      if (block.source) lines.push(dim(`    ${render(block.source)}`));
    } else lines.push(render(block.spans));
  }
  if (citations.length) {
    lines.push('', 'Fonti:');
    citations.forEach((c, i) => {
      // the readable label (document, entity, lines) when the engine gave one; the file name otherwise
      const where =
        c.label ??
        [
          c.doc,
          c.lines && (c.lines.includes('-') ? `righe ${c.lines}` : `riga ${c.lines}`),
          c.page && `pagina ${c.page}`,
        ]
          .filter(Boolean)
          .join(', ');
      lines.push(`  ${i + 1}. ${c.section ?? c.entity ?? c.doc}${c.internal ? ' (uso interno)' : ''} — ${where}`);
      if (c.excerpt) lines.push(dim(`     «${excerptLine(c.excerpt)}»`));
    });
  }
  lines.push('');
  return lines.join('\n');
}

function excerptLine(excerpt: string, max = 160): string {
  const flat = excerpt.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

async function main(): Promise<void> {
  const config = loadConfig();
  // the terminal is for the conversation: routine info lines would interleave with the answers
  const log = createLogger(config.logLevel === 'debug' ? 'debug' : 'warn');
  const tty = process.stderr.isTTY;
  // loaded here, not at the top, so tests of runChat do not load the index and search libraries
  const { createEngine } = await import('../answer/create-engine.ts');
  const engine = await createEngine(config, {
    log,
    ...(tty ? { onProgress: (m: string) => process.stderr.write(`\r\x1b[Kindicizzazione ${m}`) } : {}),
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const audience: Audience = process.argv.includes('--public') ? 'public' : 'staff';
  await runChat(engine, { input: process.stdin, output: process.stdout }, { audience });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
