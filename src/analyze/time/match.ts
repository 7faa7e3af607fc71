import { CLOCK_TEXT, clockEnd, matchClock } from './clock.ts';
import { twoWordMonth } from './lexicon.ts';
import {
  bareAt,
  type Core,
  DIGITS,
  modifierAt,
  punctAt,
  type Scan,
  type TimeMatch,
  type TimeMeaning,
} from './scan.ts';
import { isFutureClause } from './tense.ts';
import { meaningOf } from './words.ts';

export type { Scan, TimeMatch, TimeMeaning } from './scan.ts';

// Words that begin an expression without being time words themselves (أول أمس، بعد غد، هذا الأسبوع).
const STARTERS = new Set(['اول', 'بعد', 'قبل', 'هذا', 'هذه']);
// Words after اليوم that make it "the day" of a story rather than today (اليوم التالي، اليوم العالمي).
const NOT_TODAY_AFTER = new Set([
  'اخر',
  'تالي',
  'اول',
  'ثاني',
  'ثالث',
  'اخير',
  'عالمي',
  'وطني',
  'دولي',
  'موعود',
  'نفس',
  'نفسه',
  'ذاته',
  'سابق',
  'لاحق',
  'عربي',
  'مفتوح',
  'واحد',
]);
// Words before اليوم that make it a name or another day (صحيفة اليوم، ذلك اليوم، نفس اليوم).
const NOT_TODAY_BEFORE = new Set(['عين', 'صحيفه', 'جريده', 'ذلك', 'تلك', 'نفس', 'ذات', 'طوال', 'مدار']);
// Words before الاثنين that make it "the two" (بين الاثنين، كلا الاثنين).
const NOT_MONDAY_BEFORE = new Set(['بين', 'كلا', 'كل', 'هذين', 'هذان']);
// Before an hour word standing without الساعة (في التاسعة مساء، عند الثامنة والنصف).
const HOUR_PREPOSITIONS = new Set(['في', 'عند', 'حتى', 'منذ', 'قرابه', 'نحو', 'حوالي', 'قبل', 'بعد']);
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const YMD = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const DM = /^(\d{1,2})[/-](\d{1,2})$/;

/** Tries to read a time expression starting at token `i`; undefined when none starts there. */
export function matchAt(s: Scan, i: number): TimeMatch | undefined {
  const view = s.views[i]!;
  if (view.meanings.length === 0 && view.number === undefined && !STARTERS.has(view.bare)) return undefined;
  let j = i;
  // A part of the day (مساء الأربعاء، صباح اليوم) and يوم (يوم الجمعة) belong to the expression they lead.
  const partOfDay = meaningOf(view, 'part-of-day');
  if (partOfDay !== undefined && !view.article && view.number === undefined) j++;
  if (j < s.sentenceEnd && s.views[j]!.bare === 'يوم' && !s.views[j]!.article) j++;
  const core = j < s.sentenceEnd ? matchCore(s, j, j > i) : undefined;
  if (core === undefined) return undefined;
  if (
    j > i &&
    core.meaning.type !== 'weekday' &&
    core.meaning.type !== 'day-offset' &&
    core.meaning.type !== 'date' &&
    core.meaning.type !== 'day-of-month'
  )
    return undefined;
  // يوم before a weekday is a classifier, not part of the date (يوم الجمعة → الجمعة), as Recognizers-Text marks it.
  let startToken =
    j === i + 1 && partOfDay === undefined && meaningOf(s.views[j], 'weekday') !== undefined ? j : i;
  // "في وقت سابق هذا الأسبوع", "في وقت سابق اليوم": the "earlier" words are part of the expression.
  if ((core.meaning.type === 'unit' || core.meaning.type === 'day-offset') && i - 3 >= s.sentenceStart) {
    const [a, b, c] = [s.views[i - 3]!.bare, s.views[i - 2]!.bare, s.views[i - 1]!.bare];
    if (a === 'في' && b === 'وقت' && (c === 'سابق' || c === 'لاحق')) startToken = i - 3;
  }
  // The span leaves out a conjunction or preposition glued to the first word (بالأمس → الأمس، وفي 2019 → 2019).
  const start = s.tokens[startToken]!.start + s.views[startToken]!.innerOffset;
  return {
    startToken,
    endToken: core.endToken,
    start,
    end: core.end ?? s.tokens[core.endToken - 1]!.end,
    meaning: core.meaning,
    future: isFutureClause(s, startToken),
  };
}

function matchCore(s: Scan, i: number, led: boolean): Core | undefined {
  const view = s.views[i]!;
  if (view.number !== undefined) return matchNumber(s, i, led);
  if (view.bare === 'اول' && bareAt(s, i + 1) === 'امس') return dayOffset(s, i + 2, -2);
  if (view.bare === 'اول' && bareAt(s, i + 1) === 'من' && bareAt(s, i + 2) === 'امس')
    return dayOffset(s, i + 3, -2);
  if (meaningOf(view, 'ordinal') !== undefined) {
    const date = matchDayDate(s, i);
    if (date !== undefined) return date;
  }
  if (view.bare === 'بعد' && (bareAt(s, i + 1) === 'غد' || bareAt(s, i + 1) === 'غدا'))
    return dayOffset(s, i + 2, 2);
  if (view.bare === 'بعد' || view.bare === 'قبل' || view.bare === 'منذ')
    return matchCountedOffset(s, i, view.bare === 'بعد' ? 1 : -1);
  if (view.bare === 'هذا' || view.bare === 'هذه') {
    const week = readRelativeWeek(s, i);
    if (week !== undefined) return weekThenWeekday(s, week);
    const unit = meaningOf(s.views[i + 1], 'unit');
    return unit !== undefined && s.views[i + 1]!.article && i + 1 < s.sentenceEnd
      ? { endToken: i + 2, meaning: { type: 'unit', unit: unit.unit, offset: 0 } }
      : undefined;
  }
  for (const meaning of view.meanings) {
    let found: Core | undefined;
    switch (meaning.kind) {
      case 'weekday':
        found = matchWeekday(s, i, meaning.day, led);
        break;
      case 'month':
      case 'month-head':
        found = matchMonthName(s, i, undefined, led);
        break;
      case 'day-offset':
        // يوم غد: after يوم, غد needs no article.
        found = matchDayOffset(s, i, meaning.offset, meaning.needsArticle && !led);
        break;
      case 'unit':
        found = matchUnit(s, i, meaning.unit);
        break;
      case 'clock-cue':
        found = view.article ? matchClock(s, i + 1) : undefined;
        break;
      case 'hour': {
        // Without الساعة an hour word is an ordinal (السابعة) unless minutes or a part of the day follow.
        const clock =
          view.article && HOUR_PREPOSITIONS.has(bareAt(s, i - 1) ?? '') && i > s.sentenceStart
            ? matchClock(s, i)
            : undefined;
        if (
          clock !== undefined &&
          clock.endToken > i + 1 &&
          !(clock.endToken === i + 2 && bareAt(s, i + 1) === 'عشره')
        )
          found = clock;
        break;
      }
      case 'part-of-day':
        // الليلة = tonight; الليلة الماضية = last night.
        if (view.article && view.bare === 'ليله') {
          const modifier = meaningOf(s.views[i + 1], 'modifier');
          found =
            modifier?.direction === -1 && s.views[i + 1]!.article
              ? { endToken: i + 2, meaning: { type: 'day-offset', offset: -1 } }
              : { endToken: i + 1, meaning: { type: 'day-offset', offset: 0 } };
        }
        break;
      default:
        break;
    }
    if (found !== undefined) return found;
  }
  return undefined;
}

// ---- weekdays ----

function matchWeekday(s: Scan, i: number, day: number, led: boolean): Core | undefined {
  const view = s.views[i]!;
  if (!view.article) return undefined;
  const before = i > s.sentenceStart ? s.views[i - 1]! : undefined;
  // أحد عشر (eleven); الاثنين = "the two" after بين/كلا or agreeing with a dual noun (البلدين الاثنين).
  if (day === 0 && bareAt(s, i + 1) === 'عشر') return undefined;
  if (day === 1 && !led && before !== undefined) {
    if (NOT_MONDAY_BEFORE.has(before.bare)) return undefined;
    const prev = s.tokens[i - 1]!;
    if (prev.type === 'word' && prev.norm.startsWith('ال') && /(?:ين|ان)$/.test(prev.norm)) return undefined;
    if (bareAt(s, i + 1) === 'معا') return undefined;
  }
  if (isRecurring(s, i)) return undefined;
  let end = i + 1;
  let direction: -1 | 0 | 1 = 0;
  const modifier = modifierAt(s, end);
  if (modifier !== undefined && modifier !== 0) {
    direction = modifier;
    end++;
  }
  // A date written after the weekday makes the whole a date: الجمعة 15 سبتمبر، الجمعة (15 أيلول 2023).
  let k = end;
  const opened = punctAt(s, k, '(');
  if (opened || punctAt(s, k, '،,')) k++;
  if (bareAt(s, k) === 'موافق') k++;
  if (k < s.sentenceEnd) {
    const date = s.views[k]!.number !== undefined ? matchNumber(s, k, true) : matchDayDate(s, k);
    if (date !== undefined && date.meaning.type === 'date') {
      const close = opened && punctAt(s, date.endToken, ')') ? 1 : 0;
      return { endToken: date.endToken + close, meaning: { ...date.meaning, weekday: day } };
    }
  }
  // الجمعة من الأسبوع المقبل، الجمعة الأسبوع المقبل: the weekday of a named week.
  const week = readRelativeWeek(s, bareAt(s, end) === 'من' ? end + 1 : end);
  if (week !== undefined && direction === 0)
    return { endToken: week.endToken, meaning: { type: 'weekday', day, direction, week: week.offset } };
  return { endToken: end, meaning: { type: 'weekday', day, direction } };
}

/** أيام الثلاثاء والخميس، كل جمعة: a weekly set, not a date. Walks back over a list of weekdays. */
function isRecurring(s: Scan, i: number): boolean {
  let k = i - 1;
  while (k >= s.sentenceStart && (meaningOf(s.views[k], 'weekday') !== undefined || punctAt(s, k, '،,'))) k--;
  if (k < s.sentenceStart) return false;
  const before = s.views[k]!.bare;
  return before === 'ايام' || before === 'كل' || before === 'يومي';
}

/** الأسبوع المقبل، هذا الأسبوع at `i`. */
function readRelativeWeek(s: Scan, i: number): { offset: number; endToken: number } | undefined {
  if (i + 1 >= s.sentenceEnd) return undefined;
  const demonstrative = s.views[i]!.bare === 'هذا';
  const unitAt = demonstrative ? i + 1 : i;
  if (meaningOf(s.views[unitAt], 'unit')?.unit !== 'week' || !s.views[unitAt]!.article) return undefined;
  if (demonstrative) return { offset: 0, endToken: unitAt + 1 };
  const modifier = modifierAt(s, unitAt + 1);
  return modifier === undefined ? undefined : { offset: modifier, endToken: unitAt + 2 };
}

/** A relative week and the weekday named after it (الأسبوع القادم يوم الجمعة، هذا الأسبوع الجمعة). */
function weekThenWeekday(s: Scan, week: { offset: number; endToken: number }): Core {
  let k = week.endToken;
  if (bareAt(s, k) === 'يوم' && !s.views[k]!.article) k++;
  const weekday = k < s.sentenceEnd && s.views[k]!.article ? meaningOf(s.views[k], 'weekday') : undefined;
  if (weekday !== undefined)
    return {
      endToken: k + 1,
      meaning: { type: 'weekday', day: weekday.day, direction: 0, week: week.offset },
    };
  return { endToken: week.endToken, meaning: { type: 'unit', unit: 'week', offset: week.offset } };
}

// ---- اليوم، أمس، غدا ----

function matchDayOffset(s: Scan, i: number, offset: number, needsArticle: boolean): Core | undefined {
  const view = s.views[i]!;
  if (needsArticle && !view.article) return undefined;
  // قد غدا = "has become" (the verb), not tomorrow.
  if (
    offset === 1 &&
    !view.article &&
    i > s.sentenceStart &&
    (s.views[i - 1]!.bare === 'قد' || s.views[i - 1]!.bare === 'لقد')
  )
    return undefined;
  if (offset === 0) {
    const after = bareAt(s, i + 1);
    if (
      after !== undefined &&
      (NOT_TODAY_AFTER.has(after) || meaningOf(s.views[i + 1], 'ordinal') !== undefined)
    )
      return undefined;
    if (i > s.sentenceStart && NOT_TODAY_BEFORE.has(s.views[i - 1]!.bare)) return undefined;
    // «اليوم» in quotation marks is the newspaper of that name.
    if (punctAt(s, i - 1, '«"“') && punctAt(s, i + 1, '»"”')) return undefined;
  }
  // أمس الحاجة ("the direst need"): أمس before a definite noun that is not a weekday or الأول.
  if (offset === -1 && i + 1 < s.sentenceEnd && s.views[i + 1]!.article) {
    const next = s.views[i + 1]!;
    if (next.bare !== 'اول' && meaningOf(next, 'weekday') === undefined) return undefined;
  }
  // أمس الأول = the day before yesterday.
  if (offset === -1 && bareAt(s, i + 1) === 'اول' && s.views[i + 1]!.article) return dayOffset(s, i + 2, -2);
  return dayOffset(s, i + 1, offset);
}

/** A relative day ending before `end`, taking a weekday that names it along: اليوم (الاثنين)، أمس الخميس. */
function dayOffset(s: Scan, end: number, offset: number): Core {
  const opened = punctAt(s, end, '(');
  const k = opened ? end + 1 : end;
  const weekday = k < s.sentenceEnd && s.views[k]!.article ? meaningOf(s.views[k], 'weekday') : undefined;
  if (weekday !== undefined) {
    if (!opened) return { endToken: k + 1, meaning: { type: 'day-offset', offset } };
    if (punctAt(s, k + 1, ')')) return { endToken: k + 2, meaning: { type: 'day-offset', offset } };
  }
  return { endToken: end, meaning: { type: 'day-offset', offset } };
}

/**
 * قبل يومين، منذ ثلاثة أيام، قبل 3 سنوات، بعد أسبوعين: an offset from the publication day. "قبل يومين من الهجوم"
 * counts from another event and is left out.
 */
function matchCountedOffset(s: Scan, i: number, sign: 1 | -1): Core | undefined {
  let k = i + 1;
  let count: number | undefined;
  const first = k < s.sentenceEnd ? s.views[k]! : undefined;
  if (first === undefined) return undefined;
  const number =
    first.number !== undefined && DIGITS.test(first.number)
      ? Number(first.number)
      : meaningOf(first, 'cardinal')?.value;
  if (number !== undefined) {
    count = number;
    k++;
  }
  const unit = k < s.sentenceEnd && !s.views[k]!.article ? meaningOf(s.views[k], 'count-unit') : undefined;
  if (unit === undefined) return undefined;
  if (count === undefined) {
    if (unit.count === 'counted') return undefined;
    count = unit.count;
  } else if (unit.count !== 'counted' || count < 1 || count > 99) return undefined;
  const next = bareAt(s, k + 1);
  if (next === 'من' || next === 'علي' || next === 'ذلك') return undefined;
  // يوما بعد يوم (day after day): an idiom, not a date.
  if (i > s.sentenceStart && meaningOf(s.views[i - 1], 'count-unit') !== undefined) return undefined;
  // قبل شهر رمضان، منذ عام 2011: the unit names a month or a year, it does not count one.
  const after = k + 1 < s.sentenceEnd ? s.views[k + 1]! : undefined;
  if (after !== undefined && (after.number !== undefined || readMonth(s, k + 1) !== undefined))
    return undefined;
  const offset = sign * count;
  const meaning: TimeMeaning =
    unit.unit === 'day' ? { type: 'day-offset', offset } : { type: 'unit', unit: unit.unit, offset };
  return { endToken: k + 1, meaning };
}

/** A day of the month written as an ordinal, then its month: الثامن من شوال، الحادي والعشرين من مايو، أول يناير. */
function matchDayDate(s: Scan, i: number): Core | undefined {
  const ordinal = readOrdinalDay(s, i);
  if (ordinal === undefined) return undefined;
  let k = ordinal.endToken;
  if (bareAt(s, k) === 'من') k++;
  if (bareAt(s, k) === 'شهر' && !s.views[k]!.article) k++;
  return matchMonthName(s, k, ordinal.day, true) ?? dayOfRelativeMonth(s, ordinal.endToken, ordinal.day);
}

/** After a day: "من الشهر المقبل", "من هذا الشهر", or الجاري/المقبل/الماضي alone (يوم 27 الجاري). */
function dayOfRelativeMonth(s: Scan, i: number, day: number): Core | undefined {
  const alone = modifierAt(s, i);
  if (alone !== undefined)
    return { endToken: i + 1, meaning: { type: 'day-of-month', day, monthOffset: alone } };
  if (bareAt(s, i) !== 'من') return undefined;
  const demonstrative = bareAt(s, i + 1) === 'هذا';
  const unitAt = demonstrative ? i + 2 : i + 1;
  if (
    unitAt >= s.sentenceEnd ||
    meaningOf(s.views[unitAt], 'unit')?.unit !== 'month' ||
    !s.views[unitAt]!.article
  )
    return undefined;
  if (demonstrative) return { endToken: unitAt + 1, meaning: { type: 'day-of-month', day, monthOffset: 0 } };
  const modifier = modifierAt(s, unitAt + 1);
  return modifier === undefined
    ? undefined
    : { endToken: unitAt + 2, meaning: { type: 'day-of-month', day, monthOffset: modifier } };
}

/** An ordinal day 1–31: الأول، الحادي عشر، الثاني والعشرين، العشرين (and أول without the article). */
function readOrdinalDay(s: Scan, i: number): { day: number; endToken: number } | undefined {
  if (i >= s.sentenceEnd) return undefined;
  const view = s.views[i]!;
  const ordinal = meaningOf(view, 'ordinal');
  if (ordinal === undefined || (!view.article && view.bare !== 'اول')) return undefined;
  let day = ordinal.value;
  let k = i + 1;
  const next = bareAt(s, k);
  const tens = k < s.sentenceEnd ? meaningOf(s.views[k], 'ordinal') : undefined;
  if (day < 10 && (next === 'عشر' || next === 'عشره')) {
    day += 10;
    k++;
  } else if (day < 10 && tens !== undefined && tens.value >= 20 && s.tokens[k]!.norm.startsWith('و')) {
    day += tens.value;
    k++;
  } else if (view.bare.startsWith('حادي')) return undefined; // الحادي needs عشر or its tens
  return day <= 31 ? { day, endToken: k } : undefined;
}

// ---- الأسبوع الماضي، العام 2000 ----

function matchUnit(s: Scan, i: number, unit: 'week' | 'month' | 'year'): Core | undefined {
  const view = s.views[i]!;
  const next = i + 1 < s.sentenceEnd ? s.views[i + 1]! : undefined;
  if (next === undefined) return undefined;
  if (unit === 'year' && next.number !== undefined) {
    const year = readYear(s, i + 1, true);
    if (year !== undefined)
      return { endToken: year.endToken, meaning: { type: 'year', calendar: year.calendar, year: year.year } };
  }
  // شهر رمضان، شهر سبتمبر: the month name is confirmed by شهر.
  if (unit === 'month' && !view.article) return matchMonthName(s, i + 1, undefined, true);
  if (!view.article) return undefined;
  const modifier = modifierAt(s, i + 1);
  if (modifier === undefined) return undefined;
  if (unit === 'week') return weekThenWeekday(s, { offset: modifier, endToken: i + 2 });
  return { endToken: i + 2, meaning: { type: 'unit', unit, offset: modifier } };
}

// ---- numbers: dates, clock times, years ----

function matchNumber(s: Scan, i: number, led: boolean): Core | undefined {
  const text = s.views[i]!.number!;
  const numeric = readNumericDate(text, led || previousIsDateCue(s, i));
  if (numeric !== undefined) return withEra(s, i + 1, numeric);
  const spaced = readSpacedDate(s, i);
  if (spaced !== undefined) return spaced;
  const clock = CLOCK_TEXT.exec(text);
  if (clock !== null && text.includes(':')) return clockEnd(s, i + 1, Number(clock[1]), Number(clock[2]));
  if (!DIGITS.test(text)) return undefined;
  const value = Number(text);
  if (text.length <= 2 && value >= 1 && value <= 31) {
    let k = i + 1;
    if (bareAt(s, k) === 'من') k++;
    if (bareAt(s, k) === 'شهر' && !s.views[k]!.article) k++;
    const date = matchMonthName(s, k, value, true) ?? dayOfRelativeMonth(s, i + 1, value);
    if (date !== undefined) return date;
    // 10 صباحا: an hour with a part of the day.
    const period = meaningOf(s.views[i + 1], 'part-of-day');
    if (
      value <= 12 &&
      period !== undefined &&
      !s.views[i + 1]!.article &&
      i + 1 < s.sentenceEnd &&
      s.views[i + 1]!.bare !== 'ليله'
    ) {
      return clockEnd(s, i + 1, value, 0);
    }
    return undefined;
  }
  const cued = i > s.sentenceStart && meaningOf(s.views[i - 1], 'year-cue') !== undefined;
  const year = readYear(s, i, cued);
  if (year === undefined) return undefined;
  return { endToken: year.endToken, meaning: { type: 'year', calendar: year.calendar, year: year.year } };
}

/** 25 / 7 / 2015 م، ٨ / ١٠ / ١٤٣٦: a numeric date written with spaces around its slashes. */
function readSpacedDate(s: Scan, i: number): Core | undefined {
  if (!punctAt(s, i + 1, '/') || !punctAt(s, i + 3, '/')) return undefined;
  const [day, month, year] = [s.views[i]!.number, s.views[i + 2]?.number, s.views[i + 4]?.number];
  if (month === undefined || year === undefined || i + 4 >= s.sentenceEnd) return undefined;
  if (![day, month, year].every((n) => n !== undefined && DIGITS.test(n)) || year.length !== 4)
    return undefined;
  const meaning = dateMeaning(Number(year), Number(month), Number(day));
  return meaning === undefined ? undefined : withEra(s, i + 5, meaning);
}

/**
 * A numeric date followed by its era (هـ، م) ends after it; a Hijri era, or a year no Gregorian date in the
 * news would carry (1300–1500), makes it Hijri: 27/7/1436ه.
 */
function withEra(s: Scan, end: number, meaning: TimeMeaning): Core {
  if (meaning.type !== 'date' || meaning.year === undefined) return { endToken: end, meaning };
  const era = end < s.sentenceEnd ? meaningOf(s.views[end], 'era') : undefined;
  const hijri =
    era?.calendar === 'hijri' || (era === undefined && meaning.year >= 1300 && meaning.year <= 1500);
  const endToken = era === undefined ? end : end + 1;
  return { endToken, meaning: hijri ? { ...meaning, calendar: 'hijri' } : meaning };
}

function previousIsDateCue(s: Scan, i: number): boolean {
  const before = i > s.sentenceStart ? s.views[i - 1]!.bare : '';
  return (
    before === 'يوم' || before === 'في' || before === 'تاريخ' || before === 'بتاريخ' || before === 'موافق'
  );
}

/** 15/9/2023, 2023-09-15, and (after يوم/بتاريخ) 15/9. */
function readNumericDate(text: string, cued: boolean): TimeMeaning | undefined {
  let match = DMY.exec(text);
  if (match !== null) {
    const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    return dateMeaning(year, Number(match[2]), Number(match[1]));
  }
  match = YMD.exec(text);
  if (match !== null) return dateMeaning(Number(match[1]), Number(match[2]), Number(match[3]));
  match = cued ? DM.exec(text) : null;
  // Day first, as Arabic writes it; month first only when the second number cannot be a month (4/22).
  if (match !== null) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    return second > 12 ? dateMeaning(undefined, first, second) : dateMeaning(undefined, second, first);
  }
  return undefined;
}

function dateMeaning(year: number | undefined, month: number, day: number): TimeMeaning | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (year !== undefined && (year < 1000 || year > 2200)) return undefined;
  return { type: 'date', calendar: 'gregorian', year, month, day, direction: 0 };
}

/**
 * A year at `i`: four digits (three or four for Hijri) with an optional era (هـ، م). Without an era or a cue
 * before it (عام، في، منذ…), a bare number is not taken for a year.
 */
function readYear(
  s: Scan,
  i: number,
  cued: boolean,
): { year: number; calendar: 'gregorian' | 'hijri'; endToken: number } | undefined {
  const text = s.views[i]?.number;
  if (text === undefined || i >= s.sentenceEnd || !DIGITS.test(text) || text.length < 3 || text.length > 4)
    return undefined;
  const year = Number(text);
  const era = i + 1 < s.sentenceEnd ? meaningOf(s.views[i + 1], 'era') : undefined;
  const endToken = era !== undefined ? i + 2 : i + 1;
  if (era?.calendar === 'hijri')
    return year >= 1 && year <= 1600 ? { year, calendar: 'hijri', endToken } : undefined;
  if (era !== undefined)
    return year >= 1 && year <= 2200 ? { year, calendar: 'gregorian', endToken } : undefined;
  if (!cued || text.length !== 4 || year < 1000 || year > 2200) return undefined;
  return { year, calendar: 'gregorian', endToken };
}

// ---- month names ----

/** A month name at `i` (one or two words) with its calendar. */
function readMonth(
  s: Scan,
  i: number,
): { calendar: 'gregorian' | 'hijri'; month: number; ambiguous: boolean; endToken: number } | undefined {
  if (i >= s.sentenceEnd) return undefined;
  const view = s.views[i]!;
  const single = meaningOf(view, 'month');
  if (single !== undefined && !view.article)
    return { calendar: single.calendar, month: single.month, ambiguous: single.ambiguous, endToken: i + 1 };
  const head = meaningOf(view, 'month-head');
  if (head !== undefined && !view.article && i + 1 < s.sentenceEnd && s.views[i + 1]!.article) {
    const two = twoWordMonth(head.head, s.views[i + 1]!.bare);
    if (two !== undefined) return { ...two, ambiguous: two.calendar === 'hijri', endToken: i + 2 };
  }
  return undefined;
}

/**
 * A month name with what may follow it — a second name for the same month (أيلول/سبتمبر، يوليو (تموز)), a
 * year, الماضي/المقبل — given the day before it when there was one. Ambiguous names need support.
 */
function matchMonthName(s: Scan, i: number, day: number | undefined, supported: boolean): Core | undefined {
  const month = readMonth(s, i);
  if (month === undefined) return undefined;
  let end = month.endToken;
  let confirmed = supported || day !== undefined || !month.ambiguous;
  // The other calendar's name for the same month: "/ سبتمبر", "(تموز)", "- سبتمبر".
  const opened = punctAt(s, end, '(');
  const alt = readMonth(s, opened || punctAt(s, end, '/-') ? end + 1 : end);
  if (alt !== undefined && alt.month === month.month && alt.calendar === month.calendar) {
    end = alt.endToken;
    if (opened) {
      if (!punctAt(s, end, ')')) return undefined;
      end++;
    }
    confirmed = true;
  }
  // مايو الحادي والعشرين: the day after the month.
  if (day === undefined) {
    const ordinal = readOrdinalDay(s, end);
    if (ordinal !== undefined) {
      day = ordinal.day;
      end = ordinal.endToken;
    }
  }
  let k = end;
  if (bareAt(s, k) === 'من') k++;
  if ((bareAt(s, k) === 'عام' || bareAt(s, k) === 'سنه') && k < s.sentenceEnd) k++;
  const year = readYear(s, k, true);
  const calendar = month.calendar === 'hijri' || year?.calendar === 'hijri' ? 'hijri' : 'gregorian';
  if (year !== undefined && (calendar === 'hijri' ? year.year <= 1600 : year.year >= 1000)) {
    return {
      endToken: year.endToken,
      meaning: { type: 'date', calendar, year: year.year, month: month.month, day, direction: 0 },
    };
  }
  const modifier = modifierAt(s, end);
  if (modifier !== undefined) {
    return {
      endToken: end + 1,
      meaning: { type: 'date', calendar, month: month.month, day, direction: modifier },
    };
  }
  if (!confirmed) return undefined;
  if (day !== undefined && calendar === 'hijri' && day > 30) return undefined;
  return { endToken: end, meaning: { type: 'date', calendar, month: month.month, day, direction: 0 } };
}
