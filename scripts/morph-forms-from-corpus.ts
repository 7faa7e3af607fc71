/**
 * Lists candidate word forms of ~60 lemmas as they actually occur in real news, for a person to review into
 * src/analyze/morph/forms.test.tsv (true inflections) and forms-negative.test.tsv (look-alikes that are not).
 *
 * The selection deliberately does not use the morphology analyzer (the test would be circular): a candidate is
 * any corpus word with the lemma's root letters in order, separated and surrounded only by letters that
 * Arabic affixes and patterns are made of. That catches مقتل and قتال for قتل as well as قتلوه; the
 * reviewer decides.
 *
 * Source: SaudiNewsNet (github inparallel/SaudiNewsNet, CC BY-NC-SA 4.0), 31,030 articles, July–Aug 2015,
 * read from ../shared/corpus/saudinewsnet/articles.jsonl.gz.
 *
 * Run: npx tsx scripts/morph-forms-from-corpus.ts [min-count] > /tmp/morph-candidates.txt
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { normalizeArabic } from '../src/text/normalize.ts';

const CORPUS = new URL('../../shared/corpus/saudinewsnet/articles.jsonl.gz', import.meta.url);
const ARABIC_WORD = /[\u0621-\u064A\u064B-\u065F\u0670\u0640]+/g;
const PER_LEMMA = 60;

/** Lemma id → its root, normalized; a weak or hamza radical (و ي ا ء) may be missing or change its seat. */
const ROOTS: readonly (readonly [string, string])[] = [
  ['قتل', 'قتل'],
  ['جرح', 'جرح'],
  ['قصف', 'قصف'],
  ['طالب', 'طلب'],
  ['هاجم', 'هجم'],
  ['أكد', 'ءكد'],
  ['سأل', 'سءل'],
  ['قرأ', 'قرء'],
  ['بدأ', 'بدء'],
  ['وصل', 'وصل'],
  ['وقع', 'وقع'],
  ['وجد', 'وجد'],
  ['قال', 'قول'],
  ['زار', 'زور'],
  ['عاد', 'عود'],
  ['أصاب', 'صوب'],
  ['أقام', 'قوم'],
  ['اختار', 'خير'],
  ['اغتال', 'غول'],
  ['أشار', 'شور'],
  ['دعا', 'دعو'],
  ['رمى', 'رمي'],
  ['التقى', 'لقي'],
  ['أجرى', 'جري'],
  ['استدعى', 'دعو'],
  ['أدى', 'ءدي'],
  ['نفى', 'نفي'],
  ['شن', 'شنن'],
  ['احتل', 'حلل'],
  ['استمر', 'مرر'],
  ['أعلن', 'علن'],
  ['أطلق', 'طلق'],
  ['اعتقل', 'عقل'],
  ['استهدف', 'هدف'],
  ['انسحب', 'سحب'],
  ['دمر', 'دمر'],
  ['تظاهر', 'ظهر'],
  ['اتهم', 'وهم'],
  ['اتفق', 'وفق'],
  ['أسفر', 'سفر'],
  ['تعرض', 'عرض'],
  ['فجر', 'فجر'],
  ['انفجر', 'فجر'],
  ['هجوم', 'هجم'],
  ['مقتل', 'قتل'],
  ['اغتيال', 'غول'],
  ['متظاهر', 'ظهر'],
  ['مسلح', 'سلح'],
  ['زيارة', 'زور'],
  ['احتجاج', 'حجج'],
  ['إصابة', 'صوب'],
  ['مدني', 'مدن'],
  ['اعتقال', 'عقل'],
  ['انفجار', 'فجر'],
  ['غارة', 'غور'],
  ['مسؤول', 'سءل'],
  ['تفجير', 'فجر'],
  ['قتيل', 'قتل'],
  ['جريح', 'جرح'],
  ['معتقل', 'عقل'],
  ['إطلاق', 'طلق'],
  ['دعوة', 'دعو'],
  ['مظاهرة', 'ظهر'],
  ['لاجئ', 'لجء'],
];

// Letters that proclitics, person prefixes, derivational patterns (م ت ن ا س) and suffixes are made of.
const PREFIX = '[وفبلكسالتنيمء]';
const INFIX = '[اويتءن]';
const SUFFIX = '[اتنيوهمكء]';
const WEAK = new Set(['و', 'ي', 'ا', 'ء']);

function radical(letter: string, last: boolean, previous: string | undefined): string {
  if (WEAK.has(letter)) return '[اويءي]?';
  // The second of two equal radicals is often not written (شن، احتل).
  if (last && letter === previous) return `${letter}?`;
  return letter;
}

function rootPattern(root: string): RegExp {
  const letters = [...root];
  const parts = letters.map((letter, i) => radical(letter, i === letters.length - 1, letters[i - 1]));
  return new RegExp(`^${PREFIX}{0,5}${parts.join(`${INFIX}{0,2}`)}${SUFFIX}{0,6}$`);
}

async function countWords(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const lines = createInterface({
    input: createReadStream(CORPUS).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { title?: string; text?: string };
    for (const match of `${record.title ?? ''}\n${record.text ?? ''}`.matchAll(ARABIC_WORD)) {
      const word = normalizeArabic(match[0]);
      if (word.length >= 2) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

async function main(): Promise<void> {
  const minCount = Number(process.argv[2] ?? 3);
  const counts = await countWords();
  const ranked = [...counts].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1]);
  for (const [lemma, root] of ROOTS) {
    const pattern = rootPattern(root);
    const hits = ranked
      .filter(([word]) => word.length <= root.length + 8 && pattern.test(word))
      .slice(0, PER_LEMMA);
    process.stdout.write(`## ${lemma}\n${hits.map(([word, n]) => `${word}\t${n}`).join('\n')}\n`);
  }
}

await main();
