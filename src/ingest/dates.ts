// Arabic month names: Egyptian/Gulf (يناير…) and Levantine/Iraqi (كانون الثاني…), normalized spellings.
const MONTHS: Readonly<Record<string, number>> = {
  يناير: 1, فبراير: 2, مارس: 3, ابريل: 4, أبريل: 4, إبريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7,
  اغسطس: 8, أغسطس: 8, سبتمبر: 9, اكتوبر: 10, أكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  'كانون الثاني': 1, شباط: 2, آذار: 3, اذار: 3, نيسان: 4, أيار: 5, ايار: 5, حزيران: 6, تموز: 7, آب: 8, اب: 8,
  أيلول: 9, ايلول: 9, 'تشرين الأول': 10, 'تشرين الاول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12, 'كانون الاول': 12,
};

const ARABIC_DIGITS = /[٠-٩]/g;
const MONTH_PATTERN = new RegExp(`(\\d{1,2})\\s+(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\s*،?\\s*(\\d{4})`);

/**
 * Parses a publication date as feeds and pages write it — ISO 8601, RFC 822 (`Mon, 06 Sep 2021 16:45:00 +0300`),
 * or Arabic (`الاثنين 6 سبتمبر 2021`) — into ISO 8601: a UTC date-time when a time is given, else `YYYY-MM-DD`.
 * `parseDate('6 أيلول 2021')` → `'2021-09-06'`; unparseable → undefined.
 */
export function parseDate(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim().replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660));
  if (text === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const arabic = MONTH_PATTERN.exec(text);
  if (arabic !== null) {
    const month = MONTHS[arabic[2]!]!;
    return `${arabic[3]}-${String(month).padStart(2, '0')}-${arabic[1]!.padStart(2, '0')}`;
  }
  // `2015-07-26 16:55:56` (no zone) reads as local time in Date.parse; take it as UTC so runs agree everywhere.
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(text);
  const ms = Date.parse(local === null ? text : `${local[1]}T${local[2]}Z`);
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  return year < 1900 || year > 2200 ? undefined : new Date(ms).toISOString();
}
