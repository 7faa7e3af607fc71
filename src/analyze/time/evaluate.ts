import type { TimeExpression } from '../../core/annotations.ts';
import { RasdError } from '../../core/errors.ts';
import { splitSentences } from '../../text/sentences.ts';
import { tokenize } from '../../text/tokenize.ts';
import { findTimes } from './find.ts';

/**
 * Scoring against the Microsoft Recognizers-Text Arabic DateTime specs (`DateExtractor.json`,
 * `DateParser.json`…): each case has an input, sometimes a reference date, and expected spans with TIMEX
 * values. We score spans (exact and overlapping) and, where a span is found, whether our value equals one of
 * the expected resolutions (future or past reading, or the TIMEX itself when it is a full date).
 */
export interface RecognizerExpected {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Values counted as right: resolved dates (`2016-11-09`), TIMEX (`2016-W46`), clock times (`20:40`). */
  readonly values: readonly string[];
  /** False for what rasd does not model: ranges, durations, sets (`(2016-11-04,2016-11-22,P18D)`, `P2D`). */
  readonly inScope: boolean;
}

export interface RecognizerCase {
  readonly input: string;
  /** The reference day (`2016-11-07`), when the case gives one. */
  readonly reference?: string;
  readonly expected: readonly RecognizerExpected[];
}

interface RawResult {
  Text?: unknown;
  Start?: unknown;
  Length?: unknown;
  End?: unknown;
  Type?: unknown;
  Value?: {
    Timex?: unknown;
    FutureResolution?: Record<string, unknown>;
    PastResolution?: Record<string, unknown>;
  };
}

/**
 * Reads one spec file's cases. Throws `RasdError('E_BAD_RECORD')` naming the file and the case number when
 * a case lacks its input or a result lacks its offsets.
 */
export function parseRecognizerCases(data: unknown, file: string): RecognizerCase[] {
  if (!Array.isArray(data))
    throw new RasdError('E_BAD_RECORD', 'expected a JSON array of cases', { input: file });
  return data.map((item: unknown, index) => {
    const record = item as { Input?: unknown; Context?: { ReferenceDateTime?: unknown }; Results?: unknown };
    if (typeof record?.Input !== 'string' || !Array.isArray(record.Results)) {
      throw new RasdError('E_BAD_RECORD', 'case without "Input" text or "Results" array', {
        input: file,
        record: index + 1,
      });
    }
    const reference =
      typeof record.Context?.ReferenceDateTime === 'string'
        ? record.Context.ReferenceDateTime.slice(0, 10)
        : undefined;
    const expected = (record.Results as RawResult[]).map((result) => {
      if (typeof result.Text !== 'string' || typeof result.Start !== 'number') {
        throw new RasdError('E_BAD_RECORD', 'result without "Text" or "Start"', {
          input: file,
          record: index + 1,
        });
      }
      const length =
        typeof result.Length === 'number'
          ? result.Length
          : typeof result.End === 'number'
            ? result.End - result.Start + 1
            : result.Text.length;
      return {
        start: result.Start,
        end: result.Start + length,
        text: result.Text,
        ...expectedValues(result),
      };
    });
    return reference === undefined
      ? { input: record.Input, expected }
      : { input: record.Input, reference, expected };
  });
}

function expectedValues(result: RawResult): { values: string[]; inScope: boolean } {
  const timex = typeof result.Value?.Timex === 'string' ? result.Value.Timex : undefined;
  const values = new Set<string>();
  for (const resolution of [result.Value?.FutureResolution, result.Value?.PastResolution]) {
    for (const key of ['date', 'time', 'dateTime']) {
      const value = resolution?.[key];
      if (typeof value === 'string')
        values.add(key === 'time' ? value.slice(0, 5) : value.replace(' ', 'T').replace(/:00$/, ''));
    }
  }
  if (timex !== undefined && !timex.includes('X')) values.add(timex);
  // Ranges `(start,end,duration)`, durations `P…` and unlabeled types (duration, set) are out of rasd's scope.
  const type = typeof result.Type === 'string' ? result.Type : '';
  const inScope =
    timex === undefined ? !OUT_OF_SCOPE_TYPES.has(type) : !timex.startsWith('(') && !timex.startsWith('P');
  return { values: [...values], inScope };
}

const OUT_OF_SCOPE_TYPES = new Set(['duration', 'set', 'timerange', 'datetimerange']);

/** Span and value scores of one spec file. */
export interface TimeReport {
  readonly cases: number;
  /** Expected spans in scope, spans we found, and matches (overlapping / exactly equal). */
  readonly expected: number;
  readonly found: number;
  /** Our spans that overlap an expected span in scope. */
  readonly foundRight: number;
  readonly overlapping: number;
  readonly exact: number;
  /** Expected spans we found that carry a comparable value, and how many of our values were right. */
  readonly valued: number;
  readonly rightValues: number;
  /** Expected spans left out as out of scope (ranges, durations, sets). */
  readonly outOfScope: number;
}

/** Runs the recognizer on every case and scores it. */
export function evaluateTimes(cases: readonly RecognizerCase[]): TimeReport {
  let expected = 0;
  let found = 0;
  let foundRight = 0;
  let overlapping = 0;
  let exact = 0;
  let valued = 0;
  let rightValues = 0;
  let outOfScope = 0;
  for (const testCase of cases) {
    const tokens = tokenize(testCase.input);
    const ours = findTimes(
      { cleanText: testCase.input, publishedAt: testCase.reference },
      { tokens, sentences: splitSentences(testCase.input, tokens) },
    );
    const scoped = testCase.expected.filter((e) => e.inScope);
    outOfScope += testCase.expected.length - scoped.length;
    expected += scoped.length;
    // Our spans that fall on an out-of-scope expected span are neither right nor wrong.
    const counted = ours.filter((t) => !testCase.expected.some((e) => !e.inScope && overlaps(t, e)));
    found += counted.length;
    foundRight += counted.filter((t) => scoped.some((e) => overlaps(t, e))).length;
    for (const gold of scoped) {
      const match = ours.find((t) => overlaps(t, gold));
      if (match === undefined) continue;
      overlapping++;
      if (testCase.input.slice(match.start, match.end).trim() === gold.text.trim()) exact++;
      if (gold.values.length === 0) continue;
      valued++;
      if (comparable(match).some((v) => gold.values.includes(v))) rightValues++;
    }
  }
  return {
    cases: cases.length,
    expected,
    found,
    foundRight,
    overlapping,
    exact,
    valued,
    rightValues,
    outOfScope,
  };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Our value in the forms the specs write: the full value, and the clock part alone for times. */
function comparable(time: TimeExpression): string[] {
  const out: string[] = [];
  if (time.value !== undefined) out.push(time.value);
  const clock = /T(\d{2}:\d{2})$/.exec(time.value ?? time.relative ?? '');
  if (clock !== null) out.push(clock[1]!);
  return out;
}

/** One line of figures: `DateParser: spans P 0.80 R 0.70 (exact 0.60), values 45/60`. */
export function formatTimeReport(name: string, report: TimeReport): string {
  const ratio = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(2));
  return (
    `${name.padEnd(22)} cases ${String(report.cases).padStart(3)}  spans in scope ${String(report.expected).padStart(3)}` +
    `  P ${ratio(report.foundRight, report.found)}  R ${ratio(report.overlapping, report.expected)}` +
    `  exact R ${ratio(report.exact, report.expected)}  values ${report.rightValues}/${report.valued} (${ratio(report.rightValues, report.valued)})` +
    `  out of scope ${report.outOfScope}`
  );
}
