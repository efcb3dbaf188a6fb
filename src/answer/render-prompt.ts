import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROMPTS = join(dirname(fileURLToPath(import.meta.url)), '../../prompts');

/** Renders prompts/<name>.md, replacing {{variables}}; a variable the template needs but is not given is an error. */
export function renderPrompt(name: string, variables: Record<string, string>): string {
  const template = readFileSync(join(PROMPTS, `${name}.md`), 'utf8');
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = variables[key];
    if (value === undefined) throw new Error(`prompt ${name}: missing variable "${key}"`);
    return value;
  });
}
