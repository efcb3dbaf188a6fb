/**
 * `npm run ask -- "question"` prints the answer and its sources.
 * `npm run --silent ask -- --jsonl FILE|-` reads {"id","q"} lines and prints {"id","answer","citations"} lines, in order.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { engineForCli } from './engine-for-cli.ts';

const args = process.argv.slice(2);
const jsonlAt = args.indexOf('--jsonl');

try {
  const { engine } = await engineForCli();
  if (jsonlAt >= 0) {
    const source = args[jsonlAt + 1] ?? '-';
    const input = source === '-' ? process.stdin : createReadStream(source);
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      if (!line.trim()) continue;
      let id: unknown = null;
      try {
        const row = JSON.parse(line) as { id?: unknown; q?: unknown };
        id = row.id ?? null;
        if (typeof row.q !== 'string' || !row.q.trim()) throw new Error('missing "q"');
        const a = await engine.ask(row.q);
        process.stdout.write(`${JSON.stringify({ id, answer: a.answer, citations: a.citations })}\n`);
      } catch (error) {
        process.stdout.write(`${JSON.stringify({ id, answer: '', citations: [], error: (error as Error).message })}\n`);
      }
    }
  } else {
    const question = args
      .filter((a) => !a.startsWith('--'))
      .join(' ')
      .trim();
    if (!question) {
      console.error('usage: npm run ask -- "question"   |   npm run --silent ask -- --jsonl FILE|-');
      process.exitCode = 2;
    } else {
      const a = await engine.ask(question);
      console.log(a.answer);
    }
  }
} catch (error) {
  console.error(`pianobot: ${(error as Error).message}`);
  process.exitCode = 1;
}
