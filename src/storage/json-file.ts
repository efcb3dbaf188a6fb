import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { PianobotError } from '../errors.ts';

/**
 * A small JSON document in DATA_DIR, validated with zod on every read. A missing file is the empty value; a file
 * that does not parse is an error naming the file (it is never overwritten, so nothing a person wrote is lost).
 */
export class JsonFile<S extends z.ZodType> {
  constructor(
    readonly path: string,
    private readonly schema: S,
    private readonly empty: () => z.infer<S>,
  ) {}

  read(): z.infer<S> {
    if (!existsSync(this.path)) return this.empty();
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (err) {
      throw new PianobotError('CONFIG_INVALID', `${this.path} is not valid JSON: ${(err as Error).message}`, {
        cause: err,
      });
    }
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      throw new PianobotError('CONFIG_INVALID', `${this.path} is not what pianobot expects: ${problems}`);
    }
    return parsed.data;
  }

  /** Validates, then writes beside and renames, so a crash never leaves half a file. */
  write(value: z.infer<S>): void {
    const checked = this.schema.parse(value);
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(checked, null, 2)}\n`);
    renameSync(temp, this.path);
  }

  update(change: (value: z.infer<S>) => z.infer<S>): z.infer<S> {
    const next = change(this.read());
    this.write(next);
    return next;
  }
}
