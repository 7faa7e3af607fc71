import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RasdError } from '../../core/errors.ts';
import { evaluateTimes, parseRecognizerCases } from './evaluate.ts';

// The case below is in the format of Recognizers-Text's DateParser.json (../shared/datasets/recognizers-text-arabic).
const CASE = {
  Input: 'سأعود بعد غد',
  Context: { ReferenceDateTime: '2016-11-07T00:00:00' },
  Results: [
    {
      Text: 'بعد غد',
      Start: 6,
      Length: 6,
      Type: 'date',
      Value: {
        Timex: '2016-11-09',
        FutureResolution: { date: '2016-11-09' },
        PastResolution: { date: '2016-11-09' },
      },
    },
  ],
};

describe('times: evaluation against Recognizers-Text specs', () => {
  it('scores spans and resolved values', () => {
    const report = evaluateTimes(parseRecognizerCases([CASE], 'DateParser.json'));
    assert.deepEqual(
      {
        expected: report.expected,
        found: report.found,
        exact: report.exact,
        valued: report.valued,
        right: report.rightValues,
      },
      { expected: 1, found: 1, exact: 1, valued: 1, right: 1 },
    );
  });

  it('keeps ranges out of scope', () => {
    const range = {
      ...CASE,
      Results: [{ ...CASE.Results[0], Value: { Timex: '(2016-11-04,2016-11-22,P18D)' } }],
    };
    assert.equal(evaluateTimes(parseRecognizerCases([range], 'x.json')).outOfScope, 1);
  });

  it('names the file and the case of a bad record', () => {
    assert.throws(
      () => parseRecognizerCases([CASE, { Results: [] }], 'DateParser.json'),
      (error: unknown) =>
        error instanceof RasdError &&
        error.code === 'E_BAD_RECORD' &&
        error.message.includes('DateParser.json, record 2'),
    );
  });
});
