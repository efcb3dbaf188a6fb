import { z } from 'zod';
import type { PlanDocument } from '../plan/model.ts';
import type { ChannelScopeStore } from './channel-scope-store.ts';
import { resolveScope, scopeLabel } from './resolve-scope.ts';

/** The administrators' file (CHANNEL_SCOPES_FILE): channel id → what `/piani ambito` would be given, e.g. "PEG 2021". */
export const AdminScopesSchema = z.record(z.string().regex(/^[CGD][A-Z0-9]+$/), z.string().min(1));

export interface ActiveScope {
  docs: string[];
  label: string;
  source: 'channel' | 'admin';
}

/**
 * Per-channel scopes: those set with `/piani ambito` (kept by a ChannelScopeStore: DATA_DIR or PostgreSQL), over the
 * administrators' defaults.
 * An administrator's request that matches no loaded plan is reported at start-up, not silently ignored.
 */
export class ChannelScopes {
  private readonly admin = new Map<string, ActiveScope>();

  constructor(
    private readonly store: ChannelScopeStore,
    private readonly documents: () => PlanDocument[],
    adminScopes: Record<string, string> = {},
  ) {
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
  async get(channel: string): Promise<ActiveScope | null> {
    const own = await this.store.get(channel);
    if (own) {
      if (!own.docs) return null;
      const known = this.documents().filter((d) => own.docs?.includes(d.file));
      // a plan removed since the scope was set drops out; a scope left with no plan is no scope
      return known.length ? { docs: known.map((d) => d.file), label: scopeLabel(known), source: 'channel' } : null;
    }
    return this.admin.get(channel) ?? null;
  }

  async set(channel: string, docs: string[], request: string, setBy: string, at: Date): Promise<void> {
    await this.store.put(channel, { docs, request, setBy, setAt: at.toISOString() });
  }

  async clear(channel: string, setBy: string, at: Date): Promise<void> {
    await this.store.put(channel, { docs: null, request: 'tutto', setBy, setAt: at.toISOString() });
  }
}
