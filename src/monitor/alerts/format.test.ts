import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert } from '../types.ts';
import { formatAlertLine } from './format.ts';

const alert: Alert = {
  id: 'al1',
  watchlistId: 'w1',
  clusterId: 'c1',
  articleId: 'a1',
  title: 'الكرملين ينفي\nتوقيع «أي اتفاق»\u001b[31m',
  url: 'https://aawsat.com/x',
  outlet: 'aawsat.com',
  createdAt: '2023-09-15T10:00:00.000Z',
  match: {
    reasons: [{ kind: 'quote', start: 0, end: 10, text: 'لم يتم توقيع أي اتفاق', detail: 'Dmitry Peskov' }],
  },
  delivery: { status: 'none', attempts: 0 },
};

describe('an alert as one line', () => {
  it('gives time, watchlist, title, outlet, URL and reasons on a single line', () => {
    const line = formatAlertLine(alert, { name: 'بيسكوف' });
    assert.equal(
      line,
      '2023-09-15T10:00:00.000Z [بيسكوف] الكرملين ينفي توقيع «أي اتفاق» [31m — aawsat.com https://aawsat.com/x | quote: «لم يتم توقيع أي اتفاق» (Dmitry Peskov)',
    );
    assert.ok(!/[\n\u001b]/.test(line));
  });

  it('falls back to the article id and the watchlist id', () => {
    const { url: _url, outlet: _outlet, title: _title, ...bare } = alert;
    assert.match(formatAlertLine(bare, undefined), /\[w1\] \(no title\) — article a1 \|/);
  });
});
