import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusSample, seedText } from '../../../test/fixtures.ts';
import { makeRawArticle, type RawArticle } from '../../core/article.ts';
import { documentFromJson, documentToJson } from '../../core/document.ts';
import { parsePlainText } from '../../ingest/plain-text.ts';
import { splitSentences } from '../../text/sentences.ts';
import { tokenize } from '../../text/tokenize.ts';
import { createAnalyzer, DEFAULT_COMPONENTS } from '../index.ts';
import { parseStanceCsv, rocAuc } from './evaluate.ts';
import { matchTerm, profileBody } from './features.ts';
import { checkHeadline, leadMainClause } from './index.ts';
import { stemKey } from './terms.ts';

const analyze = createAnalyzer(DEFAULT_COMPONENTS);

function check(raw: RawArticle, title = raw.title) {
  const doc = analyze(raw);
  const layers = doc.annotations;
  return checkHeadline({
    text: doc.article.cleanText,
    title,
    tokens: layers.tokens,
    sentences: layers.sentences,
    headlines: layers.headlines,
  });
}

const corpus = corpusSample().map((a) =>
  makeRawArticle({ source: { kind: 'inline' }, title: a.title, rawText: a.text }),
);

describe('headline–body consistency', () => {
  it('judges the seed title unrelated and offers the body’s first line as its headline', () => {
    const raw = parsePlainText(seedText(), { kind: 'inline' });
    assert.equal(raw.title, 'موسكو مستعدة لتمديد اتفاق الرحلات الفضائية المشتركة مع واشنطن');
    const result = analyze(raw).annotations.headlineCheck!;
    assert.equal(result.verdict, 'unrelated');
    assert.ok(result.score < 0.2, `score ${result.score}`);
    assert.equal(
      result.bodyHeadline?.text,
      'الزعيم الكوري الشمالي يزور مصنعاً للطائرات المقاتلة والكرملين يؤكد عدم توقيع «أي اتفاق» معه',
    );
    assert.ok(result.method.missingTerms.includes('فضاء'));
  });

  it('judges a real article’s own title related to its body', () => {
    const [jobs] = corpus;
    const result = check(jobs!);
    assert.equal(result.verdict, 'related');
    assert.ok(result.score > 0.9, `score ${result.score}`);
    assert.equal(result.bodyHeadline, undefined);
    assert.equal(result.suggestedHeadline, undefined);
  });

  it('judges every fixture article’s own title related', () => {
    for (const raw of corpus) assert.equal(check(raw).verdict, 'related', raw.title);
  });

  it('judges titles swapped between two articles unrelated, and suggests the lead’s main clause', () => {
    const [jobs, palmyra, sweets] = corpus;
    const swapped = check(sweets!, jobs!.title);
    assert.equal(swapped.verdict, 'unrelated');
    assert.equal(check(jobs!, sweets!.title).verdict, 'unrelated');
    assert.equal(check(palmyra!, jobs!.title).verdict, 'unrelated');
    const doc = analyze(sweets!);
    const suggested = swapped.suggestedHeadline!;
    assert.equal(doc.article.cleanText.slice(suggested.start, suggested.end), suggested.text);
    assert.match(suggested.text, /^يتنافس بائعو الحلوى ومصنعوها/);
    assert.ok(!suggested.text.includes('،'));
  });

  it('does not throw without a title or a body', () => {
    const noTitle = check(
      makeRawArticle({ source: { kind: 'inline' }, rawText: 'نص الخبر الأول.\nنص آخر.' }),
    );
    assert.equal(noTitle.verdict, 'unrelated');
    assert.equal(noTitle.method.note, 'no given title');
    const emptyBody = check(
      makeRawArticle({ source: { kind: 'inline' }, title: 'عنوان الخبر', rawText: '' }),
    );
    assert.equal(emptyBody.method.note, 'empty body');
    assert.equal(emptyBody.suggestedHeadline, undefined);
    const punctuationTitle = check(corpus[0]!, '!!!');
    assert.equal(punctuationTitle.method.note, 'the title has no content words');
  });

  it('keeps the layer through a JSON round trip', () => {
    const doc = analyze(parsePlainText(seedText(), { kind: 'inline' }));
    assert.deepEqual(documentFromJson(documentToJson(doc)), doc);
  });
});

describe('matching terms', () => {
  it('brings a word and its derived forms to one stem', () => {
    assert.equal(stemKey('رحلات'), stemKey('رحله'));
    assert.equal(stemKey('الشيشاني'), stemKey('شيشان'));
    assert.equal(stemKey('مصري'), 'مصر');
    assert.equal(stemKey('2015'), '2015');
  });

  it('gives part credit to prefix and verb-prefix matches', () => {
    const text = 'خسر المنتخب في المباراة النهائية.';
    const tokens = tokenize(text);
    const body = profileBody(tokens, splitSentences(text, tokens)).body;
    assert.equal(matchTerm('منتخب', body), 1);
    assert.ok(matchTerm('تخسر', body) > 0 && matchTerm('تخسر', body) < 1);
    assert.ok(matchTerm('مباريات', body) > 0);
    assert.equal(matchTerm('قمه', body), 0);
  });

  it('cuts the lead sentence at its first clause break', () => {
    const text =
      'زار الزعيم الكوري الشمالي كيم جونغ أون الجمعة مصنعا للطائرات، في حين أكد الكرملين عدم توقيع أي اتفاق.';
    const tokens = tokenize(text);
    assert.equal(
      leadMainClause(text, tokens, splitSentences(text, tokens))?.text,
      'زار الزعيم الكوري الشمالي كيم جونغ أون الجمعة مصنعا للطائرات',
    );
  });
});

describe('evaluation helpers', () => {
  it('parses ANS CSV with quoted fields', () => {
    const rows = parseStanceCsv('s1,s2,stance\n"عنوان، أول",عنوان ثان,agree\nأ,"ب ""ج""",other\n');
    assert.deepEqual(rows, [
      { s1: 'عنوان، أول', s2: 'عنوان ثان', stance: 'agree' },
      { s1: 'أ', s2: 'ب "ج"', stance: 'other' },
    ]);
  });

  it('computes ROC AUC with ties counting half', () => {
    assert.equal(rocAuc([0.9, 0.8], [0.1, 0.2]), 1);
    assert.equal(rocAuc([0.5], [0.5]), 0.5);
  });
});
