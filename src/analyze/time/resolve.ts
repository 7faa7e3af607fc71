import type { TimeExpression, TimeGranularity } from '../../core/annotations.ts';
import {
  addDays,
  type CivilDate,
  dayNumber,
  fromDayNumber,
  fromHijri,
  isoDay,
  isoMonth,
  isoWeek,
  isValidDate,
  toHijri,
  weekdayOf,
} from './calendar.ts';
import type { TimeMatch, TimeMeaning } from './match.ts';

const WEEKDAY_CODES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

/** The resolved part of a time expression (everything but its span and text). */
export type Resolved = Pick<
  TimeExpression,
  'form' | 'value' | 'granularity' | 'resolution' | 'relative' | 'hijri'
>;

/**
 * Resolves a recognized expression against the publication day. Without one, relative expressions stay
 * relative: `resolution: 'unanchored'` and a `relative` marker — `day:-1`, `week:0`, `weekday:-FRI` (the
 * latest Friday on or before the anchor), `weekday:<FRI` (strictly before: الجمعة الماضية), `weekday:+FRI` (on
 * or after: a future clause), `weekday:>FRI` (strictly after: الجمعة المقبلة), `weekday:FRI@week:+1` (الجمعة من الأسبوع المقبل),
 * `date:XXXX-09-15`, `hijri:XXXX-09-03`, `time:T10:30`.
 */
export function resolveMatch(match: TimeMatch, published: CivilDate | undefined): Resolved {
  const meaning = match.meaning;
  switch (meaning.type) {
    case 'weekday':
      if (meaning.week !== undefined) return resolveWeekdayOfWeek(meaning.day, meaning.week, published);
      return resolveWeekday(meaning.day, weekdayMode(meaning.direction, match.future), published);
    case 'day-offset': {
      const relative = `day:${signed(meaning.offset)}`;
      if (published === undefined)
        return { form: 'relative', granularity: 'day', resolution: 'unanchored', relative };
      return {
        form: 'relative',
        granularity: 'day',
        resolution: 'anchored',
        relative,
        value: isoDay(addDays(published, meaning.offset)),
      };
    }
    case 'unit':
      return resolveUnit(meaning.unit, meaning.offset, published);
    case 'date':
      return meaning.calendar === 'hijri'
        ? resolveHijri(meaning, match.future, published)
        : resolveGregorian(meaning, match.future, published);
    case 'day-of-month': {
      const relative = `month:${signed(meaning.monthOffset)}-${pad(meaning.day)}`;
      if (published === undefined)
        return { form: 'date', granularity: 'day', resolution: 'unanchored', relative };
      const months = published.year * 12 + published.month - 1 + meaning.monthOffset;
      const [year, month] = [Math.floor(months / 12), (months % 12) + 1];
      if (!isValidDate(year, month, meaning.day))
        return { form: 'date', granularity: 'day', resolution: 'unanchored', relative };
      return {
        form: 'date',
        granularity: 'day',
        resolution: 'anchored',
        relative,
        value: isoDay({ year, month, day: meaning.day }),
      };
    }
    case 'year':
      if (meaning.calendar === 'hijri')
        return { form: 'hijri', granularity: 'year', resolution: 'absolute', hijri: String(meaning.year) };
      return {
        form: 'year',
        granularity: 'year',
        resolution: 'absolute',
        value: String(meaning.year).padStart(4, '0'),
      };
    case 'clock': {
      const clock = `T${pad(meaning.hour)}:${pad(meaning.minute)}`;
      if (published === undefined)
        return { form: 'clock', granularity: 'time', resolution: 'unanchored', relative: `time:${clock}` };
      return {
        form: 'clock',
        granularity: 'time',
        resolution: 'anchored',
        value: `${isoDay(published)}${clock}`,
      };
    }
  }
}

type WeekdayMode = '-' | '<' | '+' | '>';

function weekdayMode(direction: -1 | 0 | 1, future: boolean): WeekdayMode {
  if (direction === -1) return '<';
  if (direction === 1) return '>';
  return future ? '+' : '-';
}

function resolveWeekday(day: number, mode: WeekdayMode, published: CivilDate | undefined): Resolved {
  const relative = `weekday:${mode}${WEEKDAY_CODES[day]}`;
  if (published === undefined)
    return { form: 'weekday', granularity: 'day', resolution: 'unanchored', relative };
  const today = weekdayOf(published);
  let offset: number;
  if (mode === '-' || mode === '<') {
    offset = -((today - day + 7) % 7);
    if (mode === '<' && offset === 0) offset = -7;
  } else {
    offset = (day - today + 7) % 7;
    if (mode === '>' && offset === 0) offset = 7;
  }
  return {
    form: 'weekday',
    granularity: 'day',
    resolution: 'anchored',
    relative,
    value: isoDay(addDays(published, offset)),
  };
}

/** The weekday of the publication week moved by `week` (ISO weeks, from Monday, like the week values). */
function resolveWeekdayOfWeek(day: number, week: number, published: CivilDate | undefined): Resolved {
  const relative = `weekday:${WEEKDAY_CODES[day]}@week:${signed(week)}`;
  if (published === undefined)
    return { form: 'weekday', granularity: 'day', resolution: 'unanchored', relative };
  const monday = addDays(published, -((weekdayOf(published) + 6) % 7) + 7 * week);
  return {
    form: 'weekday',
    granularity: 'day',
    resolution: 'anchored',
    relative,
    value: isoDay(addDays(monday, (day + 6) % 7)),
  };
}

function resolveUnit(
  unit: 'week' | 'month' | 'year',
  offset: number,
  published: CivilDate | undefined,
): Resolved {
  const relative = `${unit}:${signed(offset)}`;
  const granularity: TimeGranularity = unit;
  if (published === undefined) return { form: 'relative', granularity, resolution: 'unanchored', relative };
  let value: string;
  if (unit === 'week') value = isoWeek(addDays(published, 7 * offset));
  else if (unit === 'year') value = String(published.year + offset);
  else {
    const months = published.year * 12 + published.month - 1 + offset;
    value = isoMonth(Math.floor(months / 12), (months % 12) + 1);
  }
  return { form: 'relative', granularity, resolution: 'anchored', relative, value };
}

type DateMeaning = Extract<TimeMeaning, { type: 'date' }>;

function resolveGregorian(meaning: DateMeaning, future: boolean, published: CivilDate | undefined): Resolved {
  const { month, day } = meaning;
  const granularity: TimeGranularity = day === undefined ? 'month' : 'day';
  if (meaning.year !== undefined) {
    if (day !== undefined && !isValidDate(meaning.year, month, day))
      return { form: 'date', granularity, resolution: 'absolute' };
    const value =
      day === undefined ? isoMonth(meaning.year, month) : isoDay({ year: meaning.year, month, day });
    return { form: 'date', granularity, resolution: 'absolute', value };
  }
  const relative = `date:XXXX-${pad(month)}${day === undefined ? '' : `-${pad(day)}`}`;
  if (published === undefined) return { form: 'date', granularity, resolution: 'unanchored', relative };
  const year = chooseYear(
    published,
    meaning.direction,
    future,
    (y) => {
      if (day !== undefined)
        return isValidDate(y, month, day) ? dayNumber({ year: y, month, day }) : undefined;
      return dayNumber({ year: y, month, day: 1 });
    },
    day === undefined,
    meaning.weekday,
  );
  if (year === undefined) return { form: 'date', granularity, resolution: 'unanchored', relative };
  const value = day === undefined ? isoMonth(year, month) : isoDay({ year, month, day });
  return { form: 'date', granularity, resolution: 'anchored', relative, value };
}

/**
 * The year of a date written without one: the previous occurrence (الماضي), the next one (المقبل, or a future
 * clause), else the past one unless a near future one is much nearer. A month counts as "now" while it lasts.
 */
function chooseYear(
  published: CivilDate,
  direction: -1 | 0 | 1,
  future: boolean,
  dayOf: (year: number) => number | undefined,
  wholeMonth: boolean,
  weekday: number | undefined,
): number | undefined {
  const today = dayNumber(published);
  // A weekday written beside the date settles the year when one candidate falls on it.
  const onWeekday = (at: number): boolean =>
    weekday === undefined || weekdayOf(fromDayNumber(at)) === weekday;
  const years = [published.year - 1, published.year, published.year + 1];
  const matching = years.filter((year) => {
    const at = dayOf(year);
    return at !== undefined && onWeekday(at);
  });
  if (weekday !== undefined && matching.length === 1) return matching[0];
  const current = wholeMonth ? dayNumber({ year: published.year, month: published.month, day: 1 }) : today;
  let best: number | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const year of [published.year - 1, published.year, published.year + 1]) {
    const at = dayOf(year);
    if (at === undefined) continue;
    if (direction === -1 && at >= current) continue;
    if (direction === 1 && at <= current) continue;
    if (direction === 0 && future && at < current) continue;
    // News mostly reports what happened: a later date wins only when no word says past and it is near
    // (within a quarter) and nearer than the past one by half again (12 أغسطس in late July; not يناير).
    const distance =
      at <= today
        ? today - at
        : direction === 0 && !future && at - today > 92
          ? Number.POSITIVE_INFINITY
          : 2 * (at - today);
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

function resolveHijri(meaning: DateMeaning, future: boolean, published: CivilDate | undefined): Resolved {
  const { month, day } = meaning;
  const granularity: TimeGranularity = day === undefined ? 'month' : 'day';
  const hijriText = (year: number | string): string =>
    `${year}-${pad(month)}${day === undefined ? '' : `-${pad(day)}`}`;
  let year = meaning.year;
  let resolution: Resolved['resolution'] = 'absolute';
  if (year === undefined) {
    const anchor = published === undefined ? undefined : toHijri(published);
    if (published === undefined || anchor === undefined)
      return { form: 'hijri', granularity, resolution: 'unanchored', relative: `hijri:${hijriText('XXXX')}` };
    year = chooseYear(
      published,
      meaning.direction,
      future,
      (y) => {
        const g = fromHijri({ year: y - published.year + anchor.year, month, day: day ?? 1 });
        return g === undefined ? undefined : dayNumber(g);
      },
      day === undefined,
      meaning.weekday,
    );
    if (year === undefined)
      return { form: 'hijri', granularity, resolution: 'unanchored', relative: `hijri:${hijriText('XXXX')}` };
    year = year - published.year + anchor.year;
    resolution = 'anchored';
  }
  // Only a Hijri day maps onto one Gregorian day; a Hijri month or year straddles two Gregorian ones.
  const gregorian = day === undefined ? undefined : fromHijri({ year, month, day });
  const resolved: Resolved = { form: 'hijri', granularity, resolution, hijri: hijriText(year) };
  return gregorian === undefined ? resolved : { ...resolved, value: isoDay(gregorian) };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
