import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLASH_COMMAND } from '../../src/slack/listeners/commands.ts';

const manifest = readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8');

/** the items of a YAML list under `key:` (one level, "- item" lines, comments dropped) */
function listUnder(key: string): string[] {
  const start = manifest.indexOf(`${key}:`);
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of manifest.slice(start).split('\n').slice(1)) {
    const item = line.match(/^\s*-\s+([^\s#]+)/);
    if (item) items.push(item[1]!);
    else if (line.trim() && !line.trim().startsWith('#')) break;
  }
  return items;
}

describe('manifest.yml', () => {
  it('subscribes to every event the app listens to', () => {
    expect(listUnder('bot_events')).toEqual(
      expect.arrayContaining([
        'app_mention',
        'app_home_opened',
        'assistant_thread_started',
        'assistant_thread_context_changed',
        'message.channels',
        'message.groups',
        'message.im',
        'message.mpim',
      ]),
    );
  });

  it('asks for the scopes of the Web API methods the app calls, and no others', () => {
    expect(listUnder('bot').sort()).toEqual(
      [
        'app_mentions:read',
        'assistant:write',
        'channels:history',
        'chat:write',
        'commands',
        'files:write',
        'groups:history',
        'im:history',
        'mpim:history',
        'reactions:write',
        'users:read',
      ].sort(),
    );
  });

  it('declares the slash command the app handles, with the Home and Messages tabs and interactivity on', () => {
    expect(manifest).toContain(`- command: ${SLASH_COMMAND}`);
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/messages_tab_enabled: true/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
  });

  it('defaults to Socket Mode, which needs no public URL', () => {
    expect(manifest).toMatch(/socket_mode_enabled: true/);
    expect(manifest).not.toMatch(/^\s*request_url:/m);
  });
});
