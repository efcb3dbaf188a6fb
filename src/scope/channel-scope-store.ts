import { join } from 'node:path';
import { z } from 'zod';
import { JsonFile } from '../storage/json-file.ts';

/** One channel's scope as `/piani ambito` keeps it; `docs: null` is an explicit "tutto" that overrides the admin file. */
export const ChannelScopeSchema = z.object({
  docs: z.array(z.string().min(1)).nullable(),
  request: z.string().describe('what was typed after /piani ambito'),
  setBy: z.string().optional(),
  setAt: z.string().optional(),
});
export type ChannelScope = z.infer<typeof ChannelScopeSchema>;
const ChannelScopesSchema = z.record(z.string().min(1), ChannelScopeSchema);

/**
 * Where the scopes set with `/piani ambito` are kept: a file in DATA_DIR, or PostgreSQL when that store is on (so
 * every replica answers a channel within the same scope).
 */
export interface ChannelScopeStore {
  /** the scope set for `channel`, or undefined when nobody set one */
  get(channel: string): Promise<ChannelScope | undefined>;
  put(channel: string, scope: ChannelScope): Promise<void>;
}

/** `DATA_DIR/scope/channels.json`: channel id → scope. */
export class FileChannelScopeStore implements ChannelScopeStore {
  private readonly file: JsonFile<typeof ChannelScopesSchema>;

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, 'scope', 'channels.json'), ChannelScopesSchema, () => ({}));
  }

  async get(channel: string): Promise<ChannelScope | undefined> {
    return this.file.read()[channel];
  }

  async put(channel: string, scope: ChannelScope): Promise<void> {
    const checked = ChannelScopeSchema.parse(scope);
    this.file.update((all) => ({ ...all, [channel]: checked }));
  }
}
