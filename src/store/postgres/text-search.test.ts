import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery, toFts5 } from '../query.ts';
import { indexDocument, queryPhrases, quoteLexeme, toTsquery } from './text-search.ts';

describe('postgresql text search values', () => {
  it('indexes the normalized words of title (weight A) and body, a gap between them', () => {
    const entry = indexDocument('الأُمَم', 'قالت الأمم');
    assert.equal(entry.tsvector, "'الامم':1A,4 'قالت':3");
    assert.deepEqual([entry.titleWords, entry.bodyWords], [1, 2]);
  });

  it('quotes lexemes so no text reaches the tsquery syntax', () => {
    assert.equal(quoteLexeme("it's"), "'it''s'");
    assert.equal(quoteLexeme('a\\b'), "'a\\\\b'");
    assert.equal(indexDocument('', "o'neil & | !").tsvector, "'o':2 'neil':3");
  });

  it('translates a query with the meaning of its FTS5 expression', () => {
    const terms = parseQuery('"وزير الطاقة" اوب* الرياض');
    assert.match(toFts5(terms), /^"وزير الطاقه" AND "اوب"\* AND \("الرياض" OR "والرياض"/);
    assert.match(toTsquery(terms), /^\('وزير' <-> 'الطاقه'\) & \('اوب':\*\) & \('الرياض' \| 'والرياض' \| /);
  });

  it('lists the phrases in the order FTS5 numbers them: each clitic variant is a phrase', () => {
    const phrases = queryPhrases(parseQuery('الرياض "ولي العهد"'));
    assert.equal(phrases[0]?.words[0], 'الرياض');
    assert.deepEqual(phrases.at(-1), { words: ['ولي', 'العهد'], prefix: false });
    assert.equal(phrases.length, parseQuery('الرياض')[0]!.variants!.length + 1);
  });
});

describe('postgresql text search case folding', () => {
  it('folds case in scripts the normalization leaves alone, as FTS5 does', () => {
    assert.equal(indexDocument('', 'ẠB').tsvector, "'ạb':2");
    assert.equal(toTsquery(parseQuery('ẠB')), "('ạb')");
  });
});

describe('postgresql text search limits', () => {
  it('keeps words past the last tsvector position findable, once each', () => {
    const body = `${'كلمة '.repeat(16400)}نهاية`;
    const entry = indexDocument('', body);
    assert.match(entry.tsvector, / 'نهايه':16383$/);
    assert.equal(entry.bodyWords, 16401);
  });
});
