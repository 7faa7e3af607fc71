import { bareAt, type Core, DIGITS, type Scan } from './scan.ts';
import { meaningOf } from './words.ts';

/** 10:30, 7:56:35, 18.00 (a dot only after الساعة). */
export const CLOCK_TEXT = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/;

/** After الساعة: 10، 10:30، العاشرة، الحادية عشرة والنصف. */
export function matchClock(s: Scan, i: number): Core | undefined {
  if (i >= s.sentenceEnd) return undefined;
  const view = s.views[i]!;
  if (view.number !== undefined) {
    const clock = CLOCK_TEXT.exec(view.number);
    if (clock !== null) return clockEnd(s, i + 1, Number(clock[1]), Number(clock[2]));
    if (DIGITS.test(view.number) && Number(view.number) <= 24)
      return clockEnd(s, i + 1, Number(view.number), 0);
    return undefined;
  }
  const hour = view.article ? meaningOf(view, 'hour') : undefined;
  if (hour === undefined) return undefined;
  let h = hour.hour;
  let end = i + 1;
  // الحادية عشرة = 11, الثانية عشرة = 12.
  if ((h === 1 || h === 2 || h === 11) && bareAt(s, end) === 'عشره') {
    h = h === 2 ? 12 : 11;
    end++;
  }
  return clockEnd(s, end, h, 0);
}

/** The rest of a clock time after its hour: والنصف / إلا ربعا, then صباحا/مساء. */
export function clockEnd(s: Scan, i: number, hour: number, minute: number): Core | undefined {
  if (hour > 24 || minute > 59) return undefined;
  let end = i;
  const fraction = meaningOf(s.views[end], 'fraction');
  const minutes = readMinutes(s, end);
  if (fraction !== undefined && end < s.sentenceEnd && s.tokens[end]!.norm.startsWith('و')) {
    minute += fraction.minutes;
    end++;
  } else if (minutes !== undefined) {
    minute += minutes.minutes;
    end = minutes.endToken;
  } else if (
    bareAt(s, end) === 'الا' &&
    meaningOf(s.views[end + 1], 'fraction') !== undefined &&
    end + 1 < s.sentenceEnd
  ) {
    minute = 60 - meaningOf(s.views[end + 1], 'fraction')!.minutes;
    hour = (hour + 23) % 24;
    end += 2;
  }
  let period =
    end < s.sentenceEnd && !s.views[end]!.article ? meaningOf(s.views[end], 'part-of-day') : undefined;
  // مساء الخميس، مساء بعد غد: the part of the day sets the hour but belongs to the day expression after it.
  if (period !== undefined && !leadsDay(s, end + 1)) end++;
  // بعد الظهر = in the afternoon.
  else if (bareAt(s, end) === 'بعد' && bareAt(s, end + 1) === 'ظهر' && end + 1 < s.sentenceEnd) {
    period = { kind: 'part-of-day', hourShift: 'pm' };
    end += 2;
  }
  // "الخامسة من مساء أمس": the part of the day sets the hour but stays with the day expression after it.
  else if (bareAt(s, end) === 'من' && end + 1 < s.sentenceEnd && !s.views[end + 1]!.article)
    period = meaningOf(s.views[end + 1], 'part-of-day');
  if (period !== undefined) {
    if (period.hourShift === 'am' && hour === 12) hour = 0;
    else if (period.hourShift === 'pm' && hour < 12) hour += 12;
    else if (period.hourShift === 'noon' && hour >= 1 && hour <= 5) hour += 12;
    else if (period.hourShift === 'night') hour = hour === 12 ? 0 : hour >= 6 && hour < 12 ? hour + 12 : hour;
  }
  if (bareAt(s, end) === 'بتوقيت' && end + 1 < s.sentenceEnd) end += 2;
  return { endToken: end, meaning: { type: 'clock', hour: hour % 24, minute } };
}

/** True when a day expression starts at `i` (a weekday, أمس، اليوم، غدا، بعد غد). */
export function leadsDay(s: Scan, i: number): boolean {
  if (i >= s.sentenceEnd) return false;
  const view = s.views[i]!;
  if (view.bare === 'بعد' || view.bare === 'اول')
    return bareAt(s, i + 1) === 'غد' || bareAt(s, i + 1) === 'امس';
  return meaningOf(view, 'weekday') !== undefined || meaningOf(view, 'day-offset') !== undefined;
}

/** "و 30 دقيقة", "و20 دقيقة" after an hour. */
function readMinutes(s: Scan, i: number): { minutes: number; endToken: number } | undefined {
  let k = i;
  if (bareAt(s, k) === 'و') k++;
  else if (k >= s.sentenceEnd || !s.tokens[k]!.norm.startsWith('و')) return undefined;
  const digits = k < s.sentenceEnd ? s.views[k]!.number : undefined;
  const unit = bareAt(s, k + 1);
  if (digits === undefined || !DIGITS.test(digits) || Number(digits) > 59) return undefined;
  if (unit !== 'دقيقه' && unit !== 'دقائق' && unit !== 'دقاءق') return undefined;
  return { minutes: Number(digits), endToken: k + 2 };
}
