import { describe, expect, it } from 'vitest';
import { cueSource, opensWithCue, saysCue } from '../../src/answer/cues.ts';
import { detectIntents } from '../../src/answer/intent.ts';
import { detectLanguage } from '../../src/answer/language.ts';
import type { IntentCue } from '../../src/lang/language-pack.ts';
import { PACKS } from '../../src/lang/packs.ts';

// the intent words live in the packs: these check how intent.ts reads them (prefixes, whole words, gaps, exceptions)
describe('intent cues read from the language packs', () => {
  it('reads a cue phrase ending in a space as a whole word, any other as a prefix', () => {
    expect(detectIntents('le spese della biblioteca')).toContain('budget_detail');
    expect(detectIntents('lo spessore')).not.toContain('budget_detail');
    expect(detectIntents('the kpis of the library')).toContain('indicators');
    expect(detectIntents('kpisomething')).not.toContain('indicators');
  });

  it('skips a cue word where an exception phrase goes on from it', () => {
    expect(detectIntents('quanti soldi vanno alla mensa?')).toEqual(['budget']);
    expect(detectIntents('quanti soldi e quante persone per la mensa?')).toContain('count');
  });

  it('reads a gap phrase within its bound only', () => {
    expect(detectIntents('what is the canteen plan about')).toContain('description');
    expect(detectIntents(`what is ${'x'.repeat(300)} about`)).not.toContain('description');
  });

  it('reads who does the work a record names as its owner, in either language', () => {
    expect(detectIntents('chi coordina la raccolta dei rifiuti ingombranti?')).toContain('owner');
    expect(detectIntents('who oversees the bike lane works?')).toContain('owner');
    expect(detectIntents('chi sono i coordinatori?')).not.toContain('owner');
  });

  it('keeps the order of strength: money asked before a field named', () => {
    expect(detectIntents('quanti soldi ha il peso della mensa')[0]).toBe('budget');
    expect(detectIntents('il peso e il budget della mensa')).toEqual(['weight', 'budget']);
  });

  it('matches a cue in any language, never an empty one', () => {
    expect(saysCue('elenca le azioni', 'listing')).toBe(true);
    expect(saysCue('which action holds it', 'strategicLevel')).toBe(true);
    expect(saysCue('the product line', 'products')).toBe(false);
  });

  it('has every cue in every pack, folded and lower-case', () => {
    const names = Object.keys(PACKS.it.lexicon.intentCues).sort();
    for (const pack of Object.values(PACKS)) {
      expect(Object.keys(pack.lexicon.intentCues).sort()).toEqual(names);
      for (const name of names)
        for (const phrase of pack.lexicon.intentCues[name as IntentCue]) expect(phrase).toMatch(/^[a-z …]+$/);
    }
  });
});

describe('language markers read from the language packs', () => {
  it('answers in the language with more markers, Italian on a tie', () => {
    expect(detectLanguage('which offices run the canteen?')).toBe('en');
    expect(detectLanguage('quali uffici gestiscono la mensa?')).toBe('it');
    expect(detectLanguage('mensa')).toBe('it');
  });
});

describe('opening cues', () => {
  it('matches a cue at the start of the text only', () => {
    expect(opensWithCue('  chi e la referente della mensa', 'whoIs')).toBe(true);
    expect(opensWithCue('dimmi chi e la referente della mensa', 'whoIs')).toBe(false);
    expect(saysCue('dimmi chi e la referente della mensa', 'whoIs')).toBe(true);
  });
});

describe('cue sources', () => {
  it('compose into one pattern of several cues', () => {
    const counted = new RegExp(`${cueSource('countOf')}\\s+${cueSource('projects')}`);
    expect(counted.test('how many projects')).toBe(true);
    expect(counted.test('numero di progettazioni')).toBe(true);
    expect(counted.test('quantita progetti')).toBe(false);
  });
});
