/** The language of a text as far as its letters tell: Arabic, Persian or Urdu, or another writing system. */
export interface ScriptGuess {
  /** BCP 47 tag: `ar`, `fa`, `ur`, or `und-Latn`, `und-Cyrl`, `und-Hani`… when only the script is known. */
  readonly language: string;
  /** True when the Arabic analyzers apply. */
  readonly arabic: boolean;
  /** Share of the letters in the dominant script. */
  readonly share: number;
}

const SCRIPTS: readonly (readonly [string, number, number])[] = [
  ['Arab', 0x0600, 0x06ff], ['Arab', 0x0750, 0x077f], ['Arab', 0x08a0, 0x08ff], ['Arab', 0xfb50, 0xfdff], ['Arab', 0xfe70, 0xfeff],
  ['Latn', 0x0041, 0x005a], ['Latn', 0x0061, 0x007a], ['Latn', 0x00c0, 0x024f], ['Latn', 0x1e00, 0x1eff],
  ['Cyrl', 0x0400, 0x052f], ['Grek', 0x0370, 0x03ff], ['Hebr', 0x0590, 0x05ff], ['Deva', 0x0900, 0x097f],
  ['Thai', 0x0e00, 0x0e7f], ['Hang', 0xac00, 0xd7af], ['Jpan', 0x3040, 0x30ff], ['Hani', 0x4e00, 0x9fff], ['Armn', 0x0530, 0x058f],
  ['Geor', 0x10a0, 0x10ff], ['Ethi', 0x1200, 0x137f],
];
// Letters Persian and Urdu use all the time and Arabic news almost never (Persian yeh and keheh; Urdu yeh barree,
// noon ghunna, retroflex letters).
const PERSIAN = /[\u06CC\u06A9]/g;
const URDU = /[\u06D2\u06BA\u0679\u0688\u0691]/g;
const ARABIC_YEH_KAF = /[\u064A\u0643]/g;
const MIN_LETTERS = 20;
// Sample the start and middle: enough letters to decide, cheap on a 30 MB page.
const SAMPLE_CHARS = 20_000;

/**
 * Guesses the language of a text from its letters, cheaply: the script most letters belong to, and within
 * Arabic script, Persian or Urdu by their own letters. Short texts (under 20 letters) count as Arabic.
 * `guessScript('The Kremlin said…').language` → `'und-Latn'`; `guessScript('قال الكرملين').arabic` → true.
 */
export function guessScript(text: string): ScriptGuess {
  const sample = text.length <= SAMPLE_CHARS ? text : text.slice(0, SAMPLE_CHARS / 2) + text.slice(text.length / 2, text.length / 2 + SAMPLE_CHARS / 2);
  const counts = new Map<string, number>();
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const script = scriptOf(sample.charCodeAt(i));
    if (script === undefined) continue;
    letters++;
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (letters < MIN_LETTERS) return { language: 'ar', arabic: true, share: 1 };
  const [top, topCount] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const share = topCount / letters;
  if (top !== 'Arab') return { language: `und-${top}`, arabic: false, share };
  const persian = sample.match(PERSIAN)?.length ?? 0;
  const urdu = sample.match(URDU)?.length ?? 0;
  const arabicOnly = sample.match(ARABIC_YEH_KAF)?.length ?? 0;
  if (urdu > 0.02 * topCount && urdu > arabicOnly) return { language: 'ur', arabic: false, share };
  if (persian > 0.02 * topCount && persian > arabicOnly) return { language: 'fa', arabic: false, share };
  return { language: 'ar', arabic: true, share };
}

function scriptOf(code: number): string | undefined {
  if (code < 0x41) return undefined;
  for (const [script, lo, hi] of SCRIPTS) if (code >= lo && code <= hi) return isArabicLetter(code, script) ? script : undefined;
  return undefined;
}

function isArabicLetter(code: number, script: string): boolean {
  // Arabic-block punctuation, digits and harakat are not letters; everything else in the ranges is.
  if (script !== 'Arab') return true;
  return !((code >= 0x0600 && code <= 0x061f) || (code >= 0x064b && code <= 0x0669) || code === 0x0640 || (code >= 0x06f0 && code <= 0x06f9));
}
