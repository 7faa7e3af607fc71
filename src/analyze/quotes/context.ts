import type { Mention, Sentence, Token } from '../../core/annotations.ts';
import { baseForm } from './cues.ts';

/** Everything the quote finder reads, with the lookups it needs built once. */
export interface QuoteContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly Mention[];
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  /** Paragraph (line) index of each token. */
  readonly paragraphOf: Int32Array;
  /** The mention covering each token, if any. */
  readonly mentionOf: readonly (Mention | undefined)[];
}

/** Builds the lookups once per document. */
export function buildContext(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
): QuoteContext {
  const sentenceOf = new Int32Array(tokens.length);
  for (const [index, s] of sentences.entries()) sentenceOf.fill(index, s.tokenStart, s.tokenEnd);
  const paragraphOf = new Int32Array(tokens.length);
  let paragraph = 0;
  for (let i = 1; i < tokens.length; i++) {
    if (text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\n')) paragraph++;
    paragraphOf[i] = paragraph;
  }
  const mentionOf: (Mention | undefined)[] = new Array(tokens.length).fill(undefined);
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let t = 0;
  for (const mention of sorted) {
    while (t < tokens.length && tokens[t]!.end <= mention.start) t++;
    for (let k = t; k < tokens.length && tokens[k]!.start < mention.end; k++) mentionOf[k] ??= mention;
  }
  return { text, tokens, sentences, mentions: sorted, sentenceOf, paragraphOf, mentionOf };
}

/** Normalized words, without clitics, that end a speaker phrase or start an adjunct. */
export const PHRASE_STOPS = new Set([
  'في', 'علي', 'عبر', 'خلال', 'الذي', 'التي', 'الذين', 'اللذين', 'كما', 'بعد', 'بعدما', 'قبل', 'عن', 'حيث', 'لدي', 'عقب',
  'اثر', 'امام', 'وسط', 'الي', 'من', 'مع', 'انه', 'ان', 'لكن', 'اذ', 'ثم', 'حين', 'بينما', 'ايضا', 'لاحقا', 'مساء',
  'صباح', 'امس', 'اليوم', 'الليله', 'مجددا', 'سابقا', 'اول', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت',
  'الاحد', 'الاثنين', 'الاسبوع', 'الشهر', 'الماضي', 'المقبل', 'غدا', 'قوله', 'قولها', 'عنه', 'عنها', 'عنهم', 'عنهما',
  'ثلاثاء', 'اربعاء', 'خميس', 'جمعه', 'سبت', 'احد', 'اثنين', 'يوم', 'يوميا', 'مءخرا', 'حاليا',
  'لي', 'له', 'لها', 'لهم', 'لهما', 'لنا', 'لك', 'لكم', 'اليه', 'اليها', 'اليهم',
]);

/** Date words that may sit between a cue and what follows (الجمعة، أمس، اليوم، لاحقا). */
export const DATE_WORDS = new Set([
  'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت', 'الاحد', 'الاثنين', 'امس', 'اليوم', 'الليله', 'غدا', 'لاحقا',
  'مساء', 'صباح', 'صباحا', 'مساءا', 'ظهر', 'فجر', 'سابقا', 'يوم', 'مءخرا',
]);

/** Heads of noun phrases that name an unnamed source: مسؤول، مصدر، مصادر، دبلوماسي… */
export const ANONYMOUS_HEADS = new Set([
  'مسءول', 'مسءولون', 'مسءولين', 'مصدر', 'مصادر', 'متحدث', 'دبلوماسي', 'دبلوماسيون', 'خبير', 'خبراء', 'شهود', 'شاهد',
  'ناشط', 'ناشطون', 'محلل', 'محللون', 'سكان', 'مراقبون', 'اوساط', 'جهات', 'مقرب', 'مقربون', 'عضو', 'اعضاء',
  'متحدثه', 'مسءوله', 'ناطق', 'ناطقه', 'ناخب', 'ناخبه', 'مواطن', 'مواطنه', 'مواطنون', 'تقارير', 'تقرير', 'ضابط', 'مرشد',
  'طبيب', 'اطباء', 'مقيم', 'مقيمون', 'مصادر', 'مسءولو',
]);

/** Audience words after ل: للصحافيين، للصحفيين، للمراسلين، لوسائل الإعلام. */
export const AUDIENCE_WORDS = new Set([
  'صحافيين', 'صحفيين', 'صحافه', 'مراسلين', 'وسائل', 'اعلاميين', 'قناه', 'وكاله', 'صحيفه', 'تلفزيون', 'اذاعه', 'موقع',
  'اعضاء', 'نواب', 'طلاب', 'جمهور', 'مواطنين', 'شعب', 'حضور', 'مشاركين',
]);

/** Channel nouns after في/على/عبر: في بيان، في مقابلة، على تلغرام، عبر حسابه. */
export const CHANNEL_WORDS = new Set([
  'بيان', 'مقابله', 'تصريح', 'تصريحات', 'مءتمر', 'حديث', 'كلمه', 'رساله', 'تغريده', 'تغريدات', 'منشور', 'تلغرام',
  'تليغرام', 'تويتر', 'فيسبوك', 'حساب', 'حسابه', 'حسابها', 'صفحته', 'صفحتها', 'موقع', 'موقعه', 'منصه', 'اكس', 'خطاب',
  'لقاء', 'ندوه', 'برنامج', 'تقرير', 'افاده', 'اتصال', 'جلسه',
]);

/** Document nouns that can themselves be the source of a statement: البيان، التقرير. */
export const SOURCE_DOCUMENTS = new Set(['بيان', 'تقرير', 'رساله', 'وثيقه', 'مذكره', 'نص', 'صحيفه', 'دراسه', 'معطيات']);

/** True when token i, with or without its clitics, is one of `words`. */
export function isWordIn(words: ReadonlySet<string>, ctx: QuoteContext, i: number): boolean {
  const token = ctx.tokens[i];
  return token !== undefined && (words.has(token.norm) || words.has(baseForm(token)));
}

/** The normalized base of token i, or '' past the end. */
export function wordAt(ctx: QuoteContext, i: number): string {
  const token = ctx.tokens[i];
  return token === undefined ? '' : baseForm(token);
}

/** True for punctuation token i with the given text. */
export function isPunct(ctx: QuoteContext, i: number, text: string): boolean {
  const token = ctx.tokens[i];
  return token !== undefined && token.type === 'punct' && token.text === text;
}

/** True when token i carries the preposition ل as a clitic (للصحافيين، لبوتين). */
export function hasLamPrefix(token: Token | undefined): boolean {
  return token?.parts?.some((p) => p.role === 'preposition' && (p.text === 'ل' || p.text.startsWith('ل'))) === true;
}
