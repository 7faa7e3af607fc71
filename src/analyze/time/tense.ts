import { defaultLexicon } from '../../text/lexicon.ts';
import type { Scan } from './scan.ts';

const FUTURE_WORDS = new Set(['سوف', 'مقرر', 'مزمع', 'يعتزم', 'تعتزم', 'سيتم']);
// Words that open another clause or mark the past: the future verb before them does not govern the date.
const CLAUSE_BREAKS = new Set([
  'الذي',
  'التي',
  'الذين',
  'اللذين',
  'اللتين',
  'حيث',
  'عندما',
  'بعدما',
  'تم',
  'قد',
  'كان',
  'كانت',
  'لكن',
]);
// A verb in the future: the particle س glued to an imperfect (سيزور، ستعقد، سنواصل).
const FUTURE_VERB = /^[وف]?س([يتنا]..+)$/;

/** True when a word of the clause before the expression puts it in the future (سيزور… الجمعة). */
export function isFutureClause(s: Scan, i: number): boolean {
  const lexicon = defaultLexicon();
  for (let k = i - 1; k >= Math.max(s.sentenceStart, i - 8); k--) {
    const token = s.tokens[k]!;
    if (token.type === 'punct' && token.text !== '،' && token.text !== ',') return false;
    if (token.type !== 'word') continue;
    if (CLAUSE_BREAKS.has(token.norm) || CLAUSE_BREAKS.has(s.views[k]!.bare)) return false;
    if (FUTURE_WORDS.has(s.views[k]!.bare)) return true;
    const verb = FUTURE_VERB.exec(token.norm);
    if (verb !== null && lexicon.count(verb[1]!) >= 5 && lexicon.count(verb[1]!) > lexicon.count(token.norm))
      return true;
  }
  return false;
}
