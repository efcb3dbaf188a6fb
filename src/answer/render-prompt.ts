import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROMPTS = join(dirname(fileURLToPath(import.meta.url)), '../../prompts');

/**
 * Renders prompts/<name>.md, replacing {{variables}} (spaces inside the braces allowed) in one pass, so a value that
 * itself contains "{{…}}" is inserted as is. A variable the template needs but is not given is an error.
 */
export function renderPrompt(name: string, variables: Record<string, string>): string {
  const template = readFileSync(join(PROMPTS, `${name}.md`), 'utf8');
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    // own keys only: "{{constructor}}" must not render Object.prototype.constructor
    const value = Object.hasOwn(variables, key) ? variables[key] : undefined;
    if (value === undefined) throw new Error(`prompt ${name}: missing variable "${key}"`);
    return value;
  });
}
