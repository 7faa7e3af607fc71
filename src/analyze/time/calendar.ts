/**
 * Calendar arithmetic on plain dates (no time zone: a news date is the publisher's local day), ISO weeks and
 * Hijri (Umm al-Qura) → Gregorian conversion through the built-in `Intl` calendar — no dependency.
 */

/** A Gregorian calendar day. Months and days are 1-based. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a civil date. `dayNumber({year: 1970, month: 1, day: 2})` → 1. */
export function dayNumber(date: CivilDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

/** The civil date of a day number. */
export function fromDayNumber(days: number): CivilDate {
  const d = new Date(days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Adds days (negative to go back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CivilDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** True when the day exists (rejects 31 April, 29 February 2023). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return fromDayNumber(dayNumber({ year, month, day })).day === day;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2023-09-15`. */
export function isoDay(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** `2000-07`. */
export function isoMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** ISO 8601 week of a day: `isoWeek(2023-09-15)` → `2023-W37` (weeks start on Monday; week 1 holds a Thursday). */
export function isoWeek(date: CivilDate): string {
  const days = dayNumber(date);
  const mondayBased = (weekdayOf(date) + 6) % 7;
  const thursday = fromDayNumber(days - mondayBased + 3);
  const firstThursdayDays = dayNumber({ year: thursday.year, month: 1, day: 1 });
  const week = Math.floor((dayNumber(thursday) - firstThursdayDays) / 7) + 1;
  return `${thursday.year}-W${pad(week)}`;
}

/** Reads the day of an ISO 8601 date or date-time (`2023-09-15`, `2023-09-15T10:00:00+03:00`); undefined if not one. */
export function parseIsoDay(text: string | undefined): CivilDate | undefined {
  const match = text === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

let hijriFormat: Intl.DateTimeFormat | undefined;

/** The Umm al-Qura Hijri date of a Gregorian day, or undefined when the runtime lacks the calendar. */
export function toHijri(date: CivilDate): CivilDate | undefined {
  hijriFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  if (hijriFormat.resolvedOptions().calendar !== 'islamic-umalqura') return undefined;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of hijriFormat.formatToParts(new Date(dayNumber(date) * DAY_MS))) {
    if (part.type === 'year') year = Number.parseInt(part.value, 10);
    else if (part.type === 'month') month = Number.parseInt(part.value, 10);
    else if (part.type === 'day') day = Number.parseInt(part.value, 10);
  }
  return { year, month, day };
}

// 1 Muharram 1 AH (civil epoch, 16 July 622) as a day number, and the mean lunar year and month in days.
const HIJRI_EPOCH_DAYS = dayNumber({ year: 622, month: 7, day: 16 });
const LUNAR_YEAR = 354.36667;
const LUNAR_MONTH = 29.530589;

/**
 * The Gregorian day of a Hijri (Umm al-Qura) date: estimate it arithmetically, then search the nearby days
 * whose Hijri date matches. `fromHijri({year: 1444, month: 9, day: 3})` → 2023-03-25. Undefined when no day matches.
 */
export function fromHijri(hijri: CivilDate): CivilDate | undefined {
  if (hijri.month < 1 || hijri.month > 12 || hijri.day < 1 || hijri.day > 30) return undefined;
  const estimate = Math.round(
    HIJRI_EPOCH_DAYS + (hijri.year - 1) * LUNAR_YEAR + (hijri.month - 1) * LUNAR_MONTH + hijri.day - 1,
  );
  for (let delta = 0; delta <= 6; delta++) {
    for (const days of delta === 0 ? [estimate] : [estimate - delta, estimate + delta]) {
      const candidate = fromDayNumber(days);
      const h = toHijri(candidate);
      if (h === undefined) return undefined;
      if (h.year === hijri.year && h.month === hijri.month && h.day === hijri.day) return candidate;
    }
  }
  return undefined;
}
