import { normalizeArabic } from '../../text/normalize.ts';

/**
 * The words of Arabic date expressions, compiled once into one map from normalized bare form (clitics and
 * the article removed) to what the word can mean. Recognition looks a token up here once; nothing is
 * matched by regular expression against the whole list.
 */
export type TimeWord =
  | { readonly kind: 'weekday'; readonly day: number }
  | {
      readonly kind: 'month';
      readonly calendar: 'gregorian' | 'hijri';
      readonly month: number;
      readonly ambiguous: boolean;
    }
  /** First word of a two-word month name (تشرين الأول، ربيع الثاني، ذو الحجة). */
  | { readonly kind: 'month-head'; readonly head: string }
  | { readonly kind: 'modifier'; readonly direction: -1 | 0 | 1 }
  | { readonly kind: 'day-offset'; readonly offset: number; readonly needsArticle: boolean }
  | { readonly kind: 'unit'; readonly unit: 'week' | 'month' | 'year' }
  | { readonly kind: 'part-of-day'; readonly hourShift: 'am' | 'pm' | 'noon' | 'night' }
  | { readonly kind: 'hour'; readonly hour: number }
  | { readonly kind: 'year-cue' }
  | { readonly kind: 'clock-cue' }
  /** A counted unit after قبل/منذ/بعد: يوم (1), يومين (2), أيام (counted by a number before it). */
  | {
      readonly kind: 'count-unit';
      readonly unit: 'day' | 'week' | 'month' | 'year';
      readonly count: 1 | 2 | 'counted';
    }
  /** Cardinal number words 3–10 (ثلاثة أيام). */
  | { readonly kind: 'cardinal'; readonly value: number }
  /** An ordinal that can name a day of the month (الثامن من شوال، الحادي والعشرين من مايو); tens add to units. */
  | { readonly kind: 'ordinal'; readonly value: number }
  | { readonly kind: 'fraction'; readonly minutes: number }
  | { readonly kind: 'era'; readonly calendar: 'gregorian' | 'hijri' };

/** Weekdays, 0 = Sunday. */
const WEEKDAYS: Readonly<Record<string, number>> = {
  أحد: 0,
  إثنين: 1,
  اثنين: 1,
  ثلاثاء: 2,
  أربعاء: 3,
  خميس: 4,
  جمعة: 5,
  سبت: 6,
};

// Gregorian months in their Egyptian/Gulf (from the European names), Levantine/Iraqi (Syriac) and Maghrebi
// (from the French) spellings. `true` marks names that are also ordinary words or names (آب = أب "father"
// once normalized, مارس "he practised", نيسان the car maker, ماي, أوت): they count only with a day, a year
// or شهر beside them.
const GREGORIAN_MONTHS: readonly (readonly [string, number, boolean])[] = [
  ['يناير', 1, false],
  ['جانفي', 1, false],
  ['فبراير', 2, false],
  ['شباط', 2, false],
  ['فيفري', 2, false],
  ['مارس', 3, true],
  ['آذار', 3, false],
  ['أبريل', 4, false],
  ['إبريل', 4, false],
  ['نيسان', 4, true],
  ['أفريل', 4, false],
  ['مايو', 5, false],
  ['أيار', 5, false],
  ['ماي', 5, true],
  ['مايس', 5, false],
  ['يونيو', 6, false],
  ['يونيه', 6, false],
  ['حزيران', 6, false],
  ['جوان', 6, false],
  ['يوليو', 7, false],
  ['يوليه', 7, false],
  ['تموز', 7, false],
  ['جويلية', 7, false],
  ['أغسطس', 8, false],
  ['أغسطوس', 8, false],
  ['آب', 8, true],
  ['أوت', 8, true],
  ['سبتمبر', 9, false],
  ['أيلول', 9, false],
  ['أكتوبر', 10, false],
  ['اكتوبر', 10, false],
  ['نوفمبر', 11, false],
  ['ديسمبر', 12, false],
];

// Hijri months. Most are also given names (رجب، رمضان، شعبان) or words (صفر "zero", محرم "forbidden"): all of
// them need a day, a year or شهر beside them.
const HIJRI_MONTHS: readonly (readonly [string, number])[] = [
  ['محرم', 1],
  ['صفر', 2],
  ['رجب', 7],
  ['شعبان', 8],
  ['رمضان', 9],
  ['شوال', 10],
];

/** Two-word month names: head word → (normalized bare second word → month). */
const TWO_WORD_MONTHS: Readonly<
  Record<string, { calendar: 'gregorian' | 'hijri'; seconds: Record<string, number> }>
> = {
  تشرين: { calendar: 'gregorian', seconds: { أول: 10, ثاني: 11 } },
  كانون: { calendar: 'gregorian', seconds: { أول: 12, ثاني: 1 } },
  ربيع: { calendar: 'hijri', seconds: { أول: 3, ثاني: 4, آخر: 4 } },
  جمادى: { calendar: 'hijri', seconds: { أولى: 5, أول: 5, آخرة: 6, ثانية: 6, آخر: 6 } },
  ذو: { calendar: 'hijri', seconds: { قعدة: 11, حجة: 12 } },
  ذي: { calendar: 'hijri', seconds: { قعدة: 11, حجة: 12 } },
};

const MODIFIERS: Readonly<Record<string, -1 | 0 | 1>> = {
  ماضي: -1,
  ماضية: -1,
  فائت: -1,
  فائتة: -1,
  منصرم: -1,
  منصرمة: -1,
  ماضيين: -1,
  مقبل: 1,
  مقبلة: 1,
  قادم: 1,
  قادمة: 1,
  مقبلين: 1,
  قادمين: 1,
  حالي: 0,
  حالية: 0,
  جاري: 0,
  جارية: 0,
};

const OTHER_WORDS: Readonly<Record<string, TimeWord>> = {
  أمس: { kind: 'day-offset', offset: -1, needsArticle: false },
  غدا: { kind: 'day-offset', offset: 1, needsArticle: false },
  غد: { kind: 'day-offset', offset: 1, needsArticle: true },
  يوم: { kind: 'day-offset', offset: 0, needsArticle: true },
  ليلة: { kind: 'part-of-day', hourShift: 'night' },
  أسبوع: { kind: 'unit', unit: 'week' },
  شهر: { kind: 'unit', unit: 'month' },
  عام: { kind: 'unit', unit: 'year' },
  سنة: { kind: 'unit', unit: 'year' },
  صباح: { kind: 'part-of-day', hourShift: 'am' },
  صباحا: { kind: 'part-of-day', hourShift: 'am' },
  فجر: { kind: 'part-of-day', hourShift: 'am' },
  فجرا: { kind: 'part-of-day', hourShift: 'am' },
  ظهر: { kind: 'part-of-day', hourShift: 'noon' },
  ظهرا: { kind: 'part-of-day', hourShift: 'noon' },
  ظهيرة: { kind: 'part-of-day', hourShift: 'noon' },
  عصر: { kind: 'part-of-day', hourShift: 'pm' },
  عصرا: { kind: 'part-of-day', hourShift: 'pm' },
  مساء: { kind: 'part-of-day', hourShift: 'pm' },
  مساءا: { kind: 'part-of-day', hourShift: 'pm' },
  ليلا: { kind: 'part-of-day', hourShift: 'night' },
  واحدة: { kind: 'hour', hour: 1 },
  ثانية: { kind: 'hour', hour: 2 },
  ثالثة: { kind: 'hour', hour: 3 },
  رابعة: { kind: 'hour', hour: 4 },
  خامسة: { kind: 'hour', hour: 5 },
  سادسة: { kind: 'hour', hour: 6 },
  سابعة: { kind: 'hour', hour: 7 },
  ثامنة: { kind: 'hour', hour: 8 },
  تاسعة: { kind: 'hour', hour: 9 },
  عاشرة: { kind: 'hour', hour: 10 },
  حادية: { kind: 'hour', hour: 11 },
  ساعة: { kind: 'clock-cue' },
  نصف: { kind: 'fraction', minutes: 30 },
  ربع: { kind: 'fraction', minutes: 15 },
  ربعا: { kind: 'fraction', minutes: 15 },
  ثلث: { kind: 'fraction', minutes: 20 },
  ثلثا: { kind: 'fraction', minutes: 20 },
  في: { kind: 'year-cue' },
  منذ: { kind: 'year-cue' },
  حتى: { kind: 'year-cue' },
  خلال: { kind: 'year-cue' },
  حلول: { kind: 'year-cue' },
  مطلع: { kind: 'year-cue' },
  أوائل: { kind: 'year-cue' },
  منتصف: { kind: 'year-cue' },
  أواخر: { kind: 'year-cue' },
  نهاية: { kind: 'year-cue' },
  بداية: { kind: 'year-cue' },
  هـ: { kind: 'era', calendar: 'hijri' },
  هجري: { kind: 'era', calendar: 'hijri' },
  هجرية: { kind: 'era', calendar: 'hijri' },
  هجرة: { kind: 'era', calendar: 'hijri' },
  م: { kind: 'era', calendar: 'gregorian' },
  ميلادي: { kind: 'era', calendar: 'gregorian' },
  ميلادية: { kind: 'era', calendar: 'gregorian' },
  ميلاد: { kind: 'era', calendar: 'gregorian' },
};

// Ordinals of days of the month, masculine (اليوم understood) and feminine; tens follow after و.
const ORDINALS: Readonly<Record<string, number>> = {
  أول: 1,
  أولى: 1,
  حادي: 1,
  حادية: 1,
  ثاني: 2,
  ثانية: 2,
  ثالث: 3,
  ثالثة: 3,
  رابع: 4,
  رابعة: 4,
  خامس: 5,
  خامسة: 5,
  سادس: 6,
  سادسة: 6,
  سابع: 7,
  سابعة: 7,
  ثامن: 8,
  ثامنة: 8,
  تاسع: 9,
  تاسعة: 9,
  عاشر: 10,
  عاشرة: 10,
  عشرين: 20,
  عشرون: 20,
  ثلاثين: 30,
  ثلاثون: 30,
};

const COUNT_UNITS: readonly (readonly [string, 'day' | 'week' | 'month' | 'year', 1 | 2 | 'counted'])[] = [
  ['يوم', 'day', 1],
  ['يومين', 'day', 2],
  ['يومان', 'day', 2],
  ['أيام', 'day', 'counted'],
  ['يوما', 'day', 'counted'],
  ['أسبوع', 'week', 1],
  ['أسبوعين', 'week', 2],
  ['أسبوعان', 'week', 2],
  ['أسابيع', 'week', 'counted'],
  ['أسبوعا', 'week', 'counted'],
  ['شهر', 'month', 1],
  ['شهرين', 'month', 2],
  ['شهران', 'month', 2],
  ['أشهر', 'month', 'counted'],
  ['شهور', 'month', 'counted'],
  ['شهرا', 'month', 'counted'],
  ['عام', 'year', 1],
  ['سنة', 'year', 1],
  ['عامين', 'year', 2],
  ['عامان', 'year', 2],
  ['سنتين', 'year', 2],
  ['سنتان', 'year', 2],
  ['أعوام', 'year', 'counted'],
  ['سنوات', 'year', 'counted'],
  ['سنين', 'year', 'counted'],
  ['عاما', 'year', 'counted'],
];

const CARDINALS: Readonly<Record<string, number>> = {
  ثلاثة: 3,
  ثلاث: 3,
  أربعة: 4,
  أربع: 4,
  خمسة: 5,
  خمس: 5,
  ستة: 6,
  ست: 6,
  سبعة: 7,
  سبع: 7,
  ثمانية: 8,
  ثماني: 8,
  تسعة: 9,
  تسع: 9,
  عشرة: 10,
  عشر: 10,
};

/** Normalized bare word → its meanings (a word may have several: ثانية is an hour and a month's second word). */
export type TimeLexicon = ReadonlyMap<string, readonly TimeWord[]>;

let compiled: TimeLexicon | undefined;

/** The compiled lexicon (built once). `timeLexicon().get('جمعه')` → `[{kind: 'weekday', day: 5}]`. */
export function timeLexicon(): TimeLexicon {
  if (compiled !== undefined) return compiled;
  const map = new Map<string, TimeWord[]>();
  const add = (word: string, meaning: TimeWord): void => {
    const key = normalizeArabic(word);
    const list = map.get(key) ?? [];
    list.push(meaning);
    map.set(key, list);
  };
  for (const [word, day] of Object.entries(WEEKDAYS)) add(word, { kind: 'weekday', day });
  for (const [word, month, ambiguous] of GREGORIAN_MONTHS)
    add(word, { kind: 'month', calendar: 'gregorian', month, ambiguous });
  for (const [word, month] of HIJRI_MONTHS)
    add(word, { kind: 'month', calendar: 'hijri', month, ambiguous: true });
  for (const head of Object.keys(TWO_WORD_MONTHS))
    add(head, { kind: 'month-head', head: normalizeArabic(head) });
  for (const [word, direction] of Object.entries(MODIFIERS)) add(word, { kind: 'modifier', direction });
  for (const [word, meaning] of Object.entries(OTHER_WORDS)) add(word, meaning);
  for (const [word, value] of Object.entries(ORDINALS)) add(word, { kind: 'ordinal', value });
  for (const [word, unit, count] of COUNT_UNITS) add(word, { kind: 'count-unit', unit, count });
  for (const [word, value] of Object.entries(CARDINALS)) add(word, { kind: 'cardinal', value });
  compiled = map;
  return map;
}

const secondWords = new Map<string, { calendar: 'gregorian' | 'hijri'; seconds: Map<string, number> }>();
for (const [head, entry] of Object.entries(TWO_WORD_MONTHS)) {
  const seconds = new Map<string, number>();
  for (const [word, month] of Object.entries(entry.seconds)) seconds.set(normalizeArabic(word), month);
  secondWords.set(normalizeArabic(head), { calendar: entry.calendar, seconds });
}

/** The month of a two-word name from its normalized head and bare second word (تشرين + اول → 10). */
export function twoWordMonth(
  head: string,
  second: string,
): { calendar: 'gregorian' | 'hijri'; month: number } | undefined {
  const entry = secondWords.get(head);
  const month = entry?.seconds.get(second);
  return entry === undefined || month === undefined ? undefined : { calendar: entry.calendar, month };
}
