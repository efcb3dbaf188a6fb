import { join } from 'node:path';
import { z } from 'zod';
import type { PlanDocument } from '../plan/model.ts';
import { JsonFile } from '../storage/json-file.ts';
import { resolveScope, scopeLabel } from './resolve-scope.ts';

/** One channel's scope as `/piani ambito` keeps it; `docs: null` is an explicit "tutto" that overrides the admin file. */
export const ChannelScopeSchema = z.object({
  docs: z.array(z.string().min(1)).nullable(),
  request: z.string().describe('what was typed after /piani ambito'),
  setBy: z.string().optional(),
  setAt: z.string().optional(),
});
export type ChannelScope = z.infer<typeof ChannelScopeSchema>;
const ChannelScopesSchema = z.record(z.string().min(1), ChannelScopeSchema);

/** The administrators' file (CHANNEL_SCOPES_FILE): channel id → what `/piani ambito` would be given, e.g. "PEG 2021". */
export const AdminScopesSchema = z.record(z.string().regex(/^[CGD][A-Z0-9]+$/), z.string().min(1));

export interface ActiveScope {
  docs: string[];
  label: string;
  source: 'channel' | 'admin';
}

/**
 * Per-channel scopes: `DATA_DIR/scope/channels.json` (written by `/piani ambito`), over the administrators' defaults.
 * An administrator's request that matches no loaded plan is reported at start-up, not silently ignored.
 */
export class ChannelScopes {
  private readonly file: JsonFile<typeof ChannelScopesSchema>;
  private readonly admin = new Map<string, ActiveScope>();

  constructor(
    dataDir: string,
    private readonly documents: () => PlanDocument[],
    adminScopes: Record<string, string> = {},
  ) {
    this.file = new JsonFile(join(dataDir, 'scope', 'channels.json'), ChannelScopesSchema, () => ({}));
    const problems: string[] = [];
    for (const [channel, request] of Object.entries(AdminScopesSchema.parse(adminScopes))) {
      const r = resolveScope(this.documents(), request);
      if (r.ok) this.admin.set(channel, { docs: r.docs, label: r.label, source: 'admin' });
      else problems.push(`${channel}: «${request}» matches no loaded plan`);
    }
    this.problems = problems;
  }

  readonly problems: string[];

  /** The scope answers in `channel` are restricted to, or null for every plan. */
  get(channel: string): ActiveScope | null {
    const own = this.file.read()[channel];
    if (own) {
      if (!own.docs) return null;
      const known = this.documents().filter((d) => own.docs?.includes(d.file));
      // a plan removed since the scope was set drops out; a scope left with no plan is no scope
      return known.length ? { docs: known.map((d) => d.file), label: scopeLabel(known), source: 'channel' } : null;
    }
    return this.admin.get(channel) ?? null;
  }

  set(channel: string, docs: string[], request: string, setBy: string, at: Date): void {
    this.file.update((all) => ({ ...all, [channel]: { docs, request, setBy, setAt: at.toISOString() } }));
  }

  clear(channel: string, setBy: string, at: Date): void {
    this.file.update((all) => ({
      ...all,
      [channel]: { docs: null, request: 'tutto', setBy, setAt: at.toISOString() },
    }));
  }
}
