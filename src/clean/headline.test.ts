import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusSample, seedText } from '../../test/fixtures.ts';
import { parsePlainText } from '../ingest/plain-text.ts';
import { splitSentences } from '../text/sentences.ts';
import { tokenize } from '../text/tokenize.ts';
import { cleanRawText } from './clean.ts';
import { findHeadlineCandidates } from './headline.ts';

function candidates(text: string) {
  const tokens = tokenize(text);
  return findHeadlineCandidates(text, tokens, splitSentences(text, tokens));
}

describe('findHeadlineCandidates', () => {
  it('offers the seed body’s first line as its headline', () => {
    const raw = parsePlainText(seedText(), { kind: 'inline' });
    const { cleanText } = cleanRawText(raw.rawText);
    const [headline] = candidates(cleanText);
    assert.equal(headline?.text, 'الزعيم الكوري الشمالي يزور مصنعاً للطائرات المقاتلة والكرملين يؤكد عدم توقيع «أي اتفاق» معه');
    assert.equal(headline?.start, 0);
    assert.ok(headline!.echo >= 0.5);
  });

  it('offers nothing when the body starts with a sentence', () => {
    for (const article of corpusSample()) {
      const { cleanText } = cleanRawText(article.text);
      const [first] = candidates(cleanText);
      if (first !== undefined) assert.ok(!/[.!؟?]$/.test(first.text), `not a sentence: ${first.text}`);
    }
    assert.deepEqual(candidates('حدد رئيس الوزراء البريطاني ديفيد كاميرون ملامح استراتيجية للتصدي للتطرف.\nوقال كاميرون إن التطرف خطر.'), []);
  });

  it('offers nothing when the first line is not echoed by the body (a caption, a dateline)', () => {
    assert.deepEqual(candidates('صورة أرشيفية من الحفل الموسيقي\nوقال وزير المالية إن الميزانية ستعلن قريبا. وأضاف أن العجز سينخفض.'), []);
  });
});
