import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWatchlistInput, parseWatchQuery } from './parse.ts';

describe('checking a watch query from JSON or flags', () => {
  it('keeps the given conditions, trims them and upper-cases event types', () => {
    assert.deepEqual(
      parseWatchQuery({ speaker: ' بيسكوف ', eventTypes: ['threaten'], actors: ['كيم', ''], text: '' }),
      {
        actors: ['كيم'],
        speaker: 'بيسكوف',
        eventTypes: ['THREATEN'],
      },
    );
  });

  it('names the field that is wrong', () => {
    assert.throws(() => parseWatchQuery({}), /at least one condition/);
    assert.throws(() => parseWatchQuery({ speakr: 'x' }), /query\.speakr is not a query field/);
    assert.throws(() => parseWatchQuery({ actors: 'كيم' }), /query\.actors must be an array/);
    assert.throws(() => parseWatchQuery({ actors: ['كيم', 3] }), /query\.actors\[1\] must be a string/);
    assert.throws(
      () => parseWatchQuery({ eventTypes: ['BOMB'] }),
      /query\.eventTypes\[0\]: unknown event type "BOMB"/,
    );
    assert.throws(() => parseWatchQuery('speaker'), /query must be an object/);
    assert.throws(() => parseWatchQuery({ text: '"" ،' }), /query\.text has no word/);
  });

  it('checks a whole watchlist with its webhook', () => {
    const input = parseWatchlistInput({
      name: 'Peskov',
      query: { speaker: 'بيسكوف' },
      webhook: { url: 'https://hooks.example/rasd', secret: 's3' },
    });
    assert.deepEqual(input, {
      name: 'Peskov',
      query: { speaker: 'بيسكوف' },
      webhook: { url: 'https://hooks.example/rasd', secret: 's3' },
    });
    assert.throws(() => parseWatchlistInput({ query: { speaker: 'x' } }), /name is required/);
    assert.throws(
      () =>
        parseWatchlistInput({ name: 'x', query: { speaker: 'x' }, webhook: { url: 'file:///etc/passwd' } }),
      /webhook\.url must be an http\(s\) URL/,
    );
    assert.throws(
      () =>
        parseWatchlistInput({
          name: 'x',
          query: { speaker: 'x' },
          webhook: { url: 'https://h/x', secret: 1 },
        }),
      /webhook\.secret must be a string/,
    );
  });
});
