import { describe, expect, it } from 'vitest';
import { ThreadMemory } from '../../src/slack/thread-memory.ts';

describe('ThreadMemory', () => {
  it('knows the threads pianobot answered, and their turns oldest first', () => {
    const m = new ThreadMemory();
    m.remember('C1', '1.1', { question: 'chi segue 2020-PL09?' });
    m.remember('C1', '1.1', { question: 'e i suoi indicatori?' });
    expect(m.has('C1', '1.1')).toBe(true);
    expect(m.has('C1', '2.2')).toBe(false);
    expect(m.history('C1', '1.1').map((t) => t.question)).toEqual(['chi segue 2020-PL09?', 'e i suoi indicatori?']);
  });

  it('keeps only the latest turns of a long thread', () => {
    const m = new ThreadMemory({ maxTurns: 2 });
    for (const q of ['a', 'b', 'c']) m.remember('C1', '1.1', { question: q });
    expect(m.history('C1', '1.1').map((t) => t.question)).toEqual(['b', 'c']);
  });

  it('forgets the least recently used thread first', () => {
    const m = new ThreadMemory({ maxThreads: 2 });
    m.remember('C1', '1', { question: 'a' });
    m.remember('C1', '2', { question: 'b' });
    m.remember('C1', '1', { question: 'a2' });
    m.remember('C1', '3', { question: 'c' });
    expect(m.has('C1', '1')).toBe(true);
    expect(m.has('C1', '2')).toBe(false);
  });

  it('hands out copies, so a caller cannot change the stored history', () => {
    const m = new ThreadMemory();
    m.remember('C1', '1', { question: 'a' });
    m.history('C1', '1').push({ question: 'x' });
    expect(m.history('C1', '1')).toHaveLength(1);
  });
});
