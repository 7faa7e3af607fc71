/**
 * The readings of a normalized word with its proclitics taken off: و ف (conjunctions), then ب ل ك
 * (prepositions), and لل = ل + the article whose alef is dropped (للبيت = ل + البيت). The article itself stays:
 * names are stored as written (الكرملين), so بالكرملين is read as ب + الكرملين.
 */
export interface ProcliticReading {
  /** The word without its proclitics, with ال restored after لل. */
  readonly form: string;
  /** How many letters of the normalized word the proclitics took. */
  readonly cut: number;
}

const CONJUNCTIONS = new Set(['و', 'ف']);
const PREPOSITIONS = new Set(['ب', 'ل', 'ك']);
// A name left after stripping has at least this many letters (وعمان → عمان, not وا → ا).
const MIN_REST = 2;

/** `procliticReadings('وللبيت')` → `[{form: 'وللبيت', cut: 0}, {form: 'للبيت', cut: 1}, {form: 'لبيت', cut: 2}, {form: 'البيت', cut: 2}]`. */
export function procliticReadings(word: string): ProcliticReading[] {
  const readings: ProcliticReading[] = [{ form: word, cut: 0 }];
  const starts = [0];
  if (CONJUNCTIONS.has(word[0] ?? '') && word.length - 1 >= MIN_REST) {
    readings.push({ form: word.slice(1), cut: 1 });
    starts.push(1);
  }
  for (const at of starts) {
    const rest = word.slice(at);
    if (!PREPOSITIONS.has(rest[0] ?? '') || rest.length - 1 < MIN_REST) continue;
    readings.push({ form: rest.slice(1), cut: at + 1 });
    if (rest.startsWith('لل') && rest.length - 2 >= MIN_REST)
      readings.push({ form: `ا${rest.slice(1)}`, cut: at + 1 });
  }
  return readings;
}

// Marks and tatweel vanish in normalization; they ride on the letter before them.
const VANISHING = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D\u200E\u200F]/;

/**
 * The offset in the written word after `letters` normalized letters: where a mention starts once its
 * proclitics are cut. `rawOffsetAfter('وَموسكو', 1)` → 2 (after و and its fatha).
 */
export function rawOffsetAfter(written: string, letters: number): number {
  let seen = 0;
  let i = 0;
  while (i < written.length && seen < letters) {
    i++;
    seen++;
    while (i < written.length && VANISHING.test(written[i]!)) i++;
  }
  return i;
}
