import { en } from './en.ts';
import { it } from './it.ts';
import type { LanguagePack } from './language-pack.ts';

export type { LanguagePack } from './language-pack.ts';

/** Every language pianobot speaks; detection and answers pick from here. */
export const PACKS: Record<LanguagePack['lang'], LanguagePack> = { it, en };

export const packFor = (lang: LanguagePack['lang']): LanguagePack => PACKS[lang];
