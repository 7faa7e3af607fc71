import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusSample, seedText } from '../../../test/fixtures.ts';
import { makeRawArticle, type RawArticle } from '../../core/article.ts';
import { documentFromJson, documentToJson } from '../../core/document.ts';
import { parsePlainText } from '../../ingest/plain-text.ts';
import { splitSentences } from '../../text/sentences.ts';
import { tokenize } from '../../text/tokenize.ts';
import { createAnalyzer, DEFAULT_COMPONENTS } from '../index.ts';
import { parseStanceCsv, rocAuc, thresholdForUnrelated } from './evaluate.ts';
import { matchTerm, measure, profileBody, profileTitle } from './features.ts';
import { defaultIdf } from './idf.ts';
import type { Pair, PairKind } from './pairs.ts';
import { checkHeadline, leadMainClause } from './index.ts';
import { stemKey, termsOf } from './terms.ts';
import { buildVectors, decodeBase64, defaultVectors } from './vectors.ts';

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

describe('term vectors', () => {
  it('decodes base64 and normalizes signed-byte rows', () => {
    assert.deepEqual([...decodeBase64('AQL/gA==')], [1, 2, 255, 128]);
    const vectors = buildVectors(['أ', 'ب'], Uint8Array.from([3, 4, 0, 0x81]), 2);
    assert.equal(vectors.row('ب'), 1);
    assert.equal(vectors.row('ج'), undefined);
    assert.deepEqual(
      [...vectors.data].map((x) => Math.round(x * 100) / 100),
      [0.6, 0.8, 0, -1],
    );
  });

  it('relates words of one topic more than words of unrelated topics', () => {
    const vectors = defaultVectors();
    const cos = (a: string, b: string) => {
      const [ra, rb] = termsOf(tokenize(`${a} ${b}`)).map((t) => vectors.row(t)!);
      let s = 0;
      for (let d = 0; d < vectors.dims; d++)
        s += vectors.data[ra! * vectors.dims + d]! * vectors.data[rb! * vectors.dims + d]!;
      return s;
    };
    assert.ok(cos('مسلسل', 'دراما') > cos('مسلسل', 'نفط') + 0.3);
    assert.ok(cos('المباراة', 'هدف') > cos('المباراة', 'مستشفى') + 0.3);
  });

  it('measures similarity of meaning between a title and a body without shared words', () => {
    const text = 'سجل المهاجم هدفين في المباراة وفاز الفريق بالدوري.\nواحتفل اللاعبون مع الجماهير في الملعب.';
    const tokens = tokenize(text);
    const body = profileBody(tokens, splitSentences(text, tokens));
    const related = measure(profileTitle(tokenize('النادي بطلا للمسابقة')), body, defaultIdf());
    const unrelated = measure(profileTitle(tokenize('ارتفاع أسعار النفط الخام')), body, defaultIdf());
    assert.ok(related.leadSimilarity > unrelated.leadSimilarity);
    assert.ok(related.leadAlignment > unrelated.leadAlignment);
  });
});

describe('evaluation helpers', () => {
  it('picks the lowest threshold that keeps the unrelated kinds judged unrelated', () => {
    const kinds: PairKind[] = ['own', 'own', 'random', 'random', 'random', 'random', 'same-day'];
    const pairs = kinds.map((kind) => ({ kind }) as unknown as Pair);
    const scores = [0.9, 0.3, 0.1, 0.2, 0.4, 0.35, 0.05];
    // Three of four random pairs below the threshold: above 0.35 (the third lowest), at the next score.
    assert.equal(thresholdForUnrelated(pairs, scores, 0.75, 1), 0.4);
    assert.equal(thresholdForUnrelated(pairs, scores, 0.5, 1), 0.35);
  });

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
