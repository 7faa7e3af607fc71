// Lists the most frequent trigger readings over the first N SaudiNewsNet articles, to review for homographs
// (data/events/sources/homographs.tsv). Needs ../shared. Run: npx tsx scripts/trigger-readings.ts [N] [TOP]
import { loadCorpus } from '../bench/corpus.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { defaultEventLexicon } from '../src/analyze/events/lexicon.ts';
import { findTriggers } from '../src/analyze/events/match.ts';
const n = Number(process.argv[2] ?? 3000);
const lex = defaultEventLexicon();
const counts = new Map<string, number>();
const t0 = Date.now();
for (const a of loadCorpus(n)) {
  const tokens = tokenize(a.text);
  for (const h of findTriggers(lex, tokens, 0, tokens.length)) {
    const key = `${tokens[h.first]!.norm}\t${h.record.type}/${h.record.mode ?? ''}\t${h.record.pos}\t${h.record.requires.length ? 'R' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}
console.error('ms', Date.now() - t0);
for (const [k, c] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 300)))
  console.log(c + '\t' + k);
