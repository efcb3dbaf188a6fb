import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Audience } from '../answer/answer.ts';
import type { Config } from '../config.ts';

/**
 * How a caller proves to be staff. `open`: the server only listens on loopback, so whoever reaches it is on this
 * machine (a local trial needs no login). `token`: `Authorization: Bearer <STAFF_TOKEN>`. `proxy`: a user header set
 * by an authenticating reverse proxy, believed only from its addresses. `off`: nobody is staff (help-desk-only, or a
 * server listening beyond loopback with no way to tell staff apart).
 */
export type StaffLogin = 'open' | 'token' | 'proxy' | 'off';

export interface StaffAccess {
  login: StaffLogin;
  /**
   * The caller's address for rate limits: the socket's, or — when the socket is a TRUSTED_PROXY — the nearest
   * address in X-Forwarded-For that is not one of the proxies (a client cannot spoof it past a proxy that appends).
   */
  addressOf(req: IncomingMessage): string;
  /** the audience the server grants this request; a request body can only lower it */
  audienceOf(req: IncomingMessage): Audience;
  /** why the staff audience is off, for the start log (undefined when it is available) */
  offReason?: string;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

export function createStaffAccess(config: Pick<Config, 'host' | 'helpdeskOnly' | 'staffAuth'>): StaffAccess {
  const { token, header, trustedProxies } = config.staffAuth;
  const proxies = new Set(trustedProxies.map(normalizeAddress));
  const addressOf = (req: IncomingMessage) => {
    const socket = normalizeAddress(req.socket.remoteAddress ?? '');
    const forwarded = req.headers['x-forwarded-for'];
    if (!proxies.has(socket) || typeof forwarded !== 'string') return socket;
    const hops = forwarded.split(',').map((a) => normalizeAddress(a.trim()));
    return hops.reverse().find((a) => a && !proxies.has(a)) ?? socket;
  };
  if (config.helpdeskOnly) {
    return {
      login: 'off',
      addressOf,
      audienceOf: () => 'public',
      offReason: 'HELPDESK_ONLY serves the public help desk only',
    };
  }
  const tokenDigest = token ? digest(token) : null;
  const byToken = (req: IncomingMessage) => {
    const auth = req.headers.authorization;
    if (!tokenDigest || !auth?.startsWith('Bearer ')) return false;
    // compared as digests of equal length, in constant time, so the reply time says nothing about the token
    return timingSafeEqual(digest(auth.slice('Bearer '.length).trim()), tokenDigest);
  };
  const byProxy = (req: IncomingMessage) => {
    if (!header || !proxies.has(normalizeAddress(req.socket.remoteAddress ?? ''))) return false;
    const user = req.headers[header];
    return typeof user === 'string' && user.trim().length > 0;
  };
  if (tokenDigest || header) {
    return {
      login: tokenDigest ? 'token' : 'proxy',
      addressOf,
      audienceOf: (req) => (byToken(req) || byProxy(req) ? 'staff' : 'public'),
    };
  }
  if (isLoopbackHost(config.host)) {
    // a request relayed by a proxy on this machine comes from loopback too, but not from someone at this machine
    const relayed = (req: IncomingMessage) =>
      req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
    return { login: 'open', addressOf, audienceOf: (req) => (relayed(req) ? 'public' : 'staff') };
  }
  return {
    login: 'off',
    addressOf,
    audienceOf: () => 'public',
    offReason: `listening on ${config.host || 'every interface'} with no STAFF_TOKEN or STAFF_AUTH_HEADER`,
  };
}

/** The audience a request gets: the one the server granted, lowered to public when the body asks for it. */
export function decideAudience(granted: Audience, requested: Audience | undefined): Audience {
  return requested === 'public' ? 'public' : granted;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** IPv4 clients of a dual-stack socket show as ::ffff:a.b.c.d; a proxy is configured as a.b.c.d. */
function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();
}
