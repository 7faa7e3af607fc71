import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Mark, segmentText, splitHighlights } from '../../web/src/reader/segments.ts';

const mark = (layer: Mark['layer'], index: number, start: number, end: number): Mark => ({ layer, index, start, end });

describe('segmentText (the reader splits clean text at annotation offsets)', () => {
  test('the segments of each paragraph put the text back together exactly', () => {
    const text = 'قال بيسكوف إن «لا اتفاق».\nوأضاف الكرملين الجمعة.';
    const paragraphs = segmentText(text, [mark('quote', 0, 14, 24), mark('entity', 0, 4, 10), mark('time', 0, 42, 48)], []);
    assert.equal(paragraphs.length, 2);
    const lines = text.split('\n');
    paragraphs.forEach((paragraph, i) => {
      assert.equal(paragraph.segments.map((segment) => segment.text).join(''), lines[i]);
    });
  });

  test('overlapping marks cover the shared stretch together', () => {
    const text = 'أعلن دميتري بيسكوف أنه لا اتفاق';
    const paragraphs = segmentText(text, [mark('speaker', 0, 5, 18), mark('entity', 2, 5, 18), mark('quote', 0, 19, 31)], []);
    const speaker = paragraphs[0]!.segments.find((segment) => segment.text === 'دميتري بيسكوف');
    assert.deepEqual(speaker?.marks.map((m) => m.layer).sort(), ['entity', 'speaker']);
    const quote = paragraphs[0]!.segments.find((segment) => segment.start === 19);
    assert.deepEqual(quote?.marks.map((m) => m.layer), ['quote']);
  });

  test('a mark spanning a line break is cut at the break and continues on the next line', () => {
    const text = 'سطر أول\nسطر ثان';
    const paragraphs = segmentText(text, [mark('quote', 0, 4, 11)], []);
    assert.equal(paragraphs[0]!.segments.at(-1)!.text, 'أول');
    assert.equal(paragraphs[1]!.segments[0]!.text, 'سطر');
    assert.equal(paragraphs[1]!.segments[0]!.marks[0]?.layer, 'quote');
  });

  test('marks outside the text or empty are ignored, and blank lines are dropped', () => {
    const paragraphs = segmentText('نص\n\nآخر', [mark('entity', 0, 0, 99), mark('time', 0, 1, 1)], []);
    assert.equal(paragraphs.length, 2);
    assert.ok(paragraphs.every((paragraph) => paragraph.segments.every((segment) => segment.marks.length === 0)));
  });

  test('removed boilerplate is placed before the line it preceded, or after the last line', () => {
    const text = 'العنوان\nالنص';
    const paragraphs = segmentText(text, [], [0, 8, text.length]);
    assert.deepEqual(paragraphs[0]!.removalsBefore, [0]);
    assert.deepEqual(paragraphs[1]!.removalsBefore, [1]);
    assert.deepEqual(paragraphs[1]!.removalsAfter, [2]);
  });

  test('markup in the text stays plain text in the segments', () => {
    const text = 'قبل <script>alert(1)</script> بعد';
    const paragraphs = segmentText(text, [mark('entity', 0, 4, 12)], []);
    assert.equal(paragraphs[0]!.segments.map((segment) => segment.text).join(''), text);
  });
});

describe('splitHighlights (search snippets)', () => {
  test('splits into plain and matched pieces, clamping and merging overlaps', () => {
    assert.deepEqual(splitHighlights('الكرملين يؤكد', [{ start: 0, end: 8 }]), [
      { text: 'الكرملين', hit: true },
      { text: ' يؤكد', hit: false },
    ]);
    assert.deepEqual(splitHighlights('abcdef', [{ start: 3, end: 99 }, { start: 1, end: 4 }]), [
      { text: 'a', hit: false },
      { text: 'bcd', hit: true },
      { text: 'ef', hit: true },
    ]);
  });
});
