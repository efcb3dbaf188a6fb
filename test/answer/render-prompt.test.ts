import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPrompt } from '../../src/answer/render-prompt.ts';

const variables = {
  today: '2021-06-30',
  documents: '- 002_51402a20550dfbf2.txt: Comune di Reggio Emilia, PEG 2021 (2021)',
  language: 'Italian',
};

describe('renderPrompt', () => {
  it('renders prompts/system.md with every variable filled in', () => {
    expect(
      renderPrompt('system', variables),
    ).toBe(`You are pianobot, an assistant for municipal staff and citizens that answers questions about Italian public-sector
plans (PEG, Piano degli obiettivi, Piano della performance, PIAO). Today is 2021-06-30.

The plans loaded are:
- 002_51402a20550dfbf2.txt: Comune di Reggio Emilia, PEG 2021 (2021)

Rules:
- Every figure, date, percentage, name and code in your answer must come from a tool result in this conversation.
  Never use your own memory for facts about the plans. If the tools return nothing, say plainly that you did not find
  it ("Non ho trovato…" in Italian, "I found no…" in English).
- Quote amounts, percentages and dates exactly as the tool results write them (e.g. 1.920.000,00, 20,72 %,
  31/12/2020). You may add a localized rendering beside them. Do not work out new figures (sums, differences,
  shares) yourself: use the figures the tools return. An answer with a figure that no tool result contains is
  discarded.
- Answer in the language of the question (Italian). First line: the direct answer with the figure. Then the
  details. End with the sources: document file name and line range or page, as given in the tool results.
- When a name or code matches several records, list them and ask which one is meant.
- Use \`route_question\` first: it runs the built-in deterministic router and usually answers directly; use the other
  tools to look further.
- For rankings, conditions, counts, sums and comparisons ("highest budget", "above 1 milione", "without phases", "how
  much in total") call \`plan_query\`: it computes them deterministically. Say that a sum or difference it returns is
  computed, and name the records it was computed from.
`);
  });

  it('leaves no placeholder behind in the system prompt', () => {
    const template = readFileSync(new URL('../../prompts/system.md', import.meta.url), 'utf8');
    expect(template).toContain('{{');
    expect(renderPrompt('system', variables)).not.toMatch(/\{\{|\}\}/);
  });

  it('refuses to render when a variable the template needs is missing', () => {
    const { language: _, ...withoutLanguage } = variables;
    expect(() => renderPrompt('system', withoutLanguage)).toThrow('prompt system: missing variable "language"');
  });

  it('does not take a variable from Object.prototype', () => {
    expect(() => renderPrompt('system', Object.create({ today: 'x', documents: 'y', language: 'z' }))).toThrow(
      /missing variable/,
    );
  });

  it('inserts values literally, without expanding placeholders or replacement patterns inside them', () => {
    const text = renderPrompt('system', { ...variables, documents: '- {{today}} $& $1' });
    expect(text).toContain('The plans loaded are:\n- {{today}} $& $1\n');
  });

  it('fails for a prompt that does not exist', () => {
    expect(() => renderPrompt('no-such-prompt', {})).toThrow(/ENOENT/);
  });
});
