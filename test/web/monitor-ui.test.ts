import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  formatDuration,
  formatTime,
  parseList,
  querySummary,
} from '../../web/src/components/monitor-labels.ts';
import { EMPTY_DRAFT, watchlistRequest } from '../../web/src/components/watchlist-request.ts';

describe('monitoring UI helpers', () => {
  test('a watchlist query reads as one Arabic line, condition by condition', () => {
    assert.equal(
      querySummary({ speaker: 'بيسكوف', eventTypes: ['THREATEN', 'SANCTION'], eventSource: 'KOR' }),
      'المتحدث: بيسكوف · الأحداث: تهديد أو عقوبات · فاعل الحدث: KOR',
    );
    assert.equal(querySummary({ actors: ['كيم جونغ أون', 'بوتين'] }), 'الفاعلون: كيم جونغ أون وبوتين');
    assert.equal(querySummary({}), 'كل المقالات');
  });

  test('the form sends only the fields filled in, and nothing without a name and a condition', () => {
    assert.equal(watchlistRequest({ ...EMPTY_DRAFT, name: 'فارغة' }), undefined);
    assert.equal(watchlistRequest({ ...EMPTY_DRAFT, speaker: 'بيسكوف' }), undefined);
    assert.deepEqual(
      watchlistRequest({
        ...EMPTY_DRAFT,
        name: ' كوريا ',
        actors: 'كيم جونغ أون، بوتين ,',
        eventTypes: ['THREATEN'],
        webhookUrl: 'https://hooks.example/x',
      }),
      {
        name: 'كوريا',
        query: { actors: ['كيم جونغ أون', 'بوتين'], eventTypes: ['THREATEN'] },
        webhook: { url: 'https://hooks.example/x' },
      },
    );
    assert.deepEqual(
      watchlistRequest({
        ...EMPTY_DRAFT,
        name: 'س',
        source: 'aljazeera.net',
        webhookUrl: 'https://h.example',
        webhookSecret: 's3',
      })?.webhook,
      { url: 'https://h.example', secret: 's3' },
    );
  });

  test('lists split on Latin and Arabic commas', () => {
    assert.deepEqual(parseList('أ، ب,ج ,, '), ['أ', 'ب', 'ج']);
  });

  test('times and durations are short and unambiguous', () => {
    assert.equal(formatTime('2024-05-01T10:15:30Z'), '2024-05-01 10:15');
    assert.equal(formatTime(undefined), '—');
    assert.equal(formatDuration(900_000), '15 د');
    assert.equal(formatDuration(45_000), '45 ث');
    assert.equal(formatDuration(5_400_000), '1.5 س');
    assert.equal(formatDuration(undefined), '—');
  });
});
