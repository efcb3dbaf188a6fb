import { translateQuery } from '../src/answer/translate-query.ts';
console.log(translateQuery('Which PIAO objective is about digital accessibility for citizens over 65?'));
