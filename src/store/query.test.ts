import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cliticVariants, parseQuery, toFts5 } from './query.ts';

describe('query parsing', () => {
  it('expands a single word to its written forms with proclitics', () => {
    const variants = cliticVariants('الرياض');
    for (const form of ['الرياض', 'بالرياض', 'والرياض', 'للرياض', 'وللرياض', 'فالرياض'])
      assert.ok(variants.includes(form), form);
    assert.ok(!variants.includes('لالرياض'), 'ل + ال is written لل');
    assert.ok(cliticVariants('قال').includes('وقال'));
    assert.deepEqual(cliticVariants('في'), ['في'], 'short words stay as they are');
  });

  it('quotes every form, so no user input reaches the FTS5 syntax', () => {
    const fts = toFts5(parseQuery('الرياض "وزير الخارجية" اوب* OR NEAR'));
    assert.ok(fts.startsWith('("الرياض" OR "والرياض"'));
    assert.ok(fts.includes('"وزير الخارجيه"'));
    assert.ok(fts.includes('"اوب"*'));
    assert.ok(fts.includes('"or"') && fts.includes('"near"'));
  });
});
