import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { httpUrl } from '../../web/src/components/labels.ts';
import { fillDays } from '../../web/src/components/timeline-days.ts';
import { parseHash } from '../../web/src/router.ts';

describe('web UI helpers', () => {
  test('only http(s) URLs of stored pages become links', () => {
    assert.equal(httpUrl('https://example.com/a b'), 'https://example.com/a%20b');
    assert.equal(httpUrl('javascript:alert(1)'), undefined);
    assert.equal(httpUrl('data:text/html,<script>alert(1)</script>'), undefined);
    assert.equal(httpUrl('not a url'), undefined);
  });

  test('the timeline fills the days without articles so the axis is even', () => {
    const days = fillDays([
      { date: '2023-09-14', articles: 2, events: { CONSULT: 1 } },
      { date: '2023-09-17', articles: 1, events: {} },
    ]);
    assert.deepEqual(
      days.map((day) => [day.date, day.articles]),
      [
        ['2023-09-14', 2],
        ['2023-09-15', 0],
        ['2023-09-16', 0],
        ['2023-09-17', 1],
      ],
    );
    assert.deepEqual(fillDays([]), []);
  });

  test('hash routes decode their parts and keep their query', () => {
    const route = parseHash('#/actor/actor%3Admitry-peskov?from=2023-01-01');
    assert.deepEqual(route.parts, ['actor', 'actor:dmitry-peskov']);
    assert.equal(route.params.get('from'), '2023-01-01');
    assert.deepEqual(parseHash('').parts, []);
  });
});
