import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entity, Quote } from '../../core/annotations.ts';
import type { OffsetSegment } from '../../core/article.ts';
import type { AnalyzedDocument } from '../../core/document.ts';
import { evaluateQuotes, type QuoteGold, toCleanOffset } from './evaluate.ts';

// A hand-made document: the scorer reads only the clean text, the offset map, quotes and entities.
function doc(
  cleanText: string,
  quotes: Quote[],
  entities: Entity[],
  offsetMap: OffsetSegment[] = [],
): AnalyzedDocument {
  const map = offsetMap.length > 0 ? offsetMap : [{ cleanStart: 0, rawStart: 0, length: cleanText.length }];
  return {
    article: { cleanText, offsetMap: map },
    annotations: { quotes, entities },
  } as unknown as AnalyzedDocument;
}

function quote(
  text: string,
  content: string,
  speaker: { text: string; entityId?: string; anonymous?: boolean },
): Quote {
  const start = text.indexOf(content);
  const s = text.indexOf(speaker.text);
  return {
    kind: 'quote',
    start,
    end: start + content.length,
    text: content,
    form: 'indirect',
    confidence: 0.8,
    cue: { start: text.lastIndexOf('وقال'), end: text.lastIndexOf('وقال') + 4, text: 'وقال' },
    speaker: {
      start: s,
      end: s + speaker.text.length,
      text: speaker.text,
      anonymous: speaker.anonymous ?? false,
      via: 'subject',
      ...(speaker.entityId ? { entityId: speaker.entityId } : {}),
    },
  };
}

const entity = (id: string, name: string): Entity => ({ kind: 'entity', id, name, type: 'PER' });

describe('the strict quote scorer', () => {
  const text = 'وقالت ابنته سارة ماكين إن والدها بخير. وقال جون ماكين إن الحملة مستمرة.';
  const gold: QuoteGold = {
    quotes: [{ kind: 'indirect', speaker: 'John McCain', cue: 'قال', text: 'إن الحملة مستمرة' }],
    entities: [
      { canonical: 'John McCain', mentions: ['جون ماكين', 'ماكين'] },
      { canonical: 'Sarah McCain', mentions: ['سارة ماكين'] },
    ],
  };

  it('refuses a relative who shares the family name as the speaker', () => {
    const q = quote(text, 'إن الحملة مستمرة', { text: 'ماكين', entityId: 'doc:e1' });
    const report = evaluateQuotes(doc(text, [q], [entity('doc:e1', 'سارة ماكين')]), gold);
    assert.equal(report.found, 1);
    assert.equal(report.speakerRight, 0);
  });

  it("accepts the gold's own entity, by its full name", () => {
    const q = quote(text, 'إن الحملة مستمرة', { text: 'جون ماكين', entityId: 'doc:e2' });
    const report = evaluateQuotes(doc(text, [q], [entity('doc:e2', 'جون ماكين')]), gold);
    assert.equal(report.speakerRight, 1);
    assert.equal(report.cue.right, 1, 'وقال holds the gold cue قال');
  });

  it('maps raw offsets through the cleaning and reports a gold span not at its place', () => {
    // Cleaning removed 10 raw characters before the text.
    const map = [{ cleanStart: 0, rawStart: 10, length: text.length }];
    const at = text.indexOf('إن الحملة');
    const q = quote(text, 'إن الحملة مستمرة', { text: 'جون ماكين', entityId: 'doc:e2' });
    const placed = evaluateQuotes(doc(text, [q], [entity('doc:e2', 'جون ماكين')], map), {
      ...gold,
      quotes: [{ ...gold.quotes[0]!, offset: at + 10 }],
    });
    assert.equal(placed.found, 1);
    assert.equal(placed.misplaced.length, 0);
    const shifted = evaluateQuotes(doc(text, [q], [entity('doc:e2', 'جون ماكين')], map), {
      ...gold,
      quotes: [{ ...gold.quotes[0]!, offset: at }],
    });
    assert.equal(shifted.found, 0);
    assert.equal(shifted.misplaced.length, 1);
    assert.equal(toCleanOffset(map, 5), -1, 'a removed character has no clean offset');
  });
});
