// The committed trigger lexicon is what its build script makes from its sources: with ../shared (PETRARCH) the
// whole file, without it the hand-written records, which come first in the file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildEventLexicon, presentsOf } from '../scripts/event-lexicon/build.ts';

const root = new URL('..', import.meta.url).pathname;
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');
const PETRARCH = `${root}../shared/datasets/petrarch-arabic/CAMEO.ar.0.5.txt`;

describe('event lexicon build', () => {
  const committed = JSON.parse(read('data/events/triggers.json'));
  const sources = {
    triggersTsv: read('data/events/sources/triggers.tsv'),
    collectivesTsv: read('data/events/sources/collective-actors.tsv'),
    homographsTsv: read('data/events/sources/homographs.tsv'),
  };

  it('reproduces the committed data/events/triggers.json', () => {
    if (existsSync(PETRARCH)) {
      const { file } = buildEventLexicon({
        ...sources,
        petrarch: {
          dictionary: readFileSync(PETRARCH, 'utf8'),
          refusedTsv: read('data/events/sources/petrarch-refused.tsv'),
        },
      });
      assert.deepEqual(JSON.parse(JSON.stringify(file)), committed);
    } else {
      const { file } = buildEventLexicon(sources);
      const core = JSON.parse(JSON.stringify(file.triggers));
      assert.deepEqual(committed.triggers.slice(0, core.length), core);
    }
  });

  it('derives the imperfect of a perfect-only PETRARCH verb from its shape', () => {
    assert.deepEqual(presentsOf('اعتقل'), ['يعتقل']);
    assert.deepEqual(presentsOf('أطلق'), ['يطلق']);
    assert.deepEqual(presentsOf('استهدف'), ['يستهدف']);
    assert.ok(presentsOf('قال').includes('يقول'));
    assert.ok(presentsOf('أصاب').includes('يصيب'));
    assert.ok(presentsOf('دعا').includes('يدعو'));
    assert.ok(presentsOf('التقى').includes('يلتقي'));
    assert.ok(presentsOf('وصل').includes('يصل'));
  });
});
