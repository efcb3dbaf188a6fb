import type { IntentCue } from '../lang/language-pack.ts';
import { fold } from '../plan/text.ts';
import { CUES, saysCue } from './cues.ts';

/** What the question asks for, independent of which record it is about. */
export type Intent =
  | 'budget'
  | 'budget_detail'
  | 'indicators'
  | 'indicator_value'
  | 'weight'
  | 'phases'
  | 'deadline'
  | 'owner'
  | 'dirigente'
  | 'structure'
  | 'objectives_of'
  | 'projects_of'
  | 'staff'
  | 'total'
  | 'count'
  | 'strategic'
  | 'resources'
  | 'description'
  | 'general';

/**
 * The intents in order of strength, each with the cue that gives it: language-independent, the words are the packs'.
 * The budget comes twice: asked as money ("quanti soldi") it outranks the other cues, named as a field it does not.
 */
const RULES: [Intent, RegExp][] = (
  [
    ['budget_detail', 'budgetDetail'],
    ['total', 'total'],
    ['count', 'count'],
    ['budget', 'budgetAsked'],
    ['weight', 'weight'],
    ['staff', 'staff'],
    ['phases', 'phases'],
    ['deadline', 'deadline'],
    ['indicator_value', 'indicatorValue'],
    ['indicators', 'indicators'],
    ['budget', 'budget'],
    ['resources', 'resources'],
    ['strategic', 'strategic'],
    ['dirigente', 'dirigente'],
    ['structure', 'structure'],
    ['owner', 'owner'],
    ['description', 'description'],
  ] as [Intent, IntentCue][]
).map(([intent, name]) => [intent, CUES[name]]);

/** All intents the question expresses, strongest first. */
export function detectIntents(question: string): Intent[] {
  const q = fold(question).replace(/['’]/g, ' ');
  const found = RULES.filter(([, re]) => re.test(q)).map(([intent]) => intent);
  // an objective word asks for someone's objectives beside a word of having ("chi ha", "of"), or as a plural
  if ((saysCue(q, 'objectives') && saysCue(q, 'ownership')) || saysCue(q, 'objectivesPlural'))
    found.push('objectives_of');
  if (saysCue(q, 'projects')) found.push('projects_of');
  return found.length ? found : ['general'];
}
