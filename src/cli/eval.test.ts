// The article a gold file is about takes its publication date from the gold's document metadata, whichever of date,
// time or date_extracted it gives (issue 19: quotes-dev files carry `date_extracted`, other outlets `date` or `time`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GoldFile, goldArticle } from './eval.ts';

const gold = (document: GoldFile['document']): GoldFile =>
  ({ text: 'قال المتحدث إن الاجتماع انتهى.', quotes: [], document }) as unknown as GoldFile;

describe('gold articles', () => {
  it('read the publication date from date, time or date_extracted, in that order', async () => {
    assert.equal(
      (await goldArticle('a.json', gold({ date: '2015-07-31' }))).publishedAt?.slice(0, 10),
      '2015-07-31',
    );
    assert.equal(
      (await goldArticle('a.json', gold({ time: '2015-08-02T10:20:00+03:00' }))).publishedAt?.slice(0, 10),
      '2015-08-02',
    );
    assert.equal(
      (await goldArticle('a.json', gold({ date_extracted: '2015-08-03 11:00:00' }))).publishedAt?.slice(
        0,
        10,
      ),
      '2015-08-03',
    );
    assert.equal(
      (
        await goldArticle(
          'a.json',
          gold({ date: '', time: '2015-08-04T01:00:00Z', date_extracted: '2015-08-05' }),
        )
      ).publishedAt?.slice(0, 10),
      '2015-08-04',
    );
  });

  it('leave the date unknown when the metadata gives none that reads as a day', async () => {
    assert.equal((await goldArticle('a.json', gold({ title: 'x' }))).publishedAt, undefined);
    assert.equal((await goldArticle('a.json', gold({ date: 'yesterday' }))).publishedAt, undefined);
  });
});
