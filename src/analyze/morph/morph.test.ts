import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { normalizeArabic } from '../../text/normalize.ts';
import { createMorphIndex, type LemmaSpec, MorphError } from './index.ts';

const verb = (past: string, present: string, intransitive = false): LemmaSpec => ({
  kind: 'verb',
  id: normalizeArabicId(past),
  past,
  present,
  intransitive,
});
const noun = (form: string, plurals?: string[]): LemmaSpec => ({ kind: 'noun', id: form, form, plurals });
// Verb ids are written without shadda so the TSV stays plain (دمّر → دمر).
function normalizeArabicId(past: string): string {
  return past.replace(/[\u064B-\u0652]/g, '');
}

const LEMMAS: readonly LemmaSpec[] = [
  // sound, Form I and derived (II–X)
  verb('قتل', 'يقتل'),
  verb('جرح', 'يجرح'),
  verb('قصف', 'يقصف'),
  verb('طالب', 'يطالب'),
  verb('هاجم', 'يهاجم'),
  verb('أعلن', 'يعلن'),
  verb('أطلق', 'يطلق'),
  verb('اعتقل', 'يعتقل'),
  verb('استهدف', 'يستهدف'),
  verb('انسحب', 'ينسحب'),
  verb('دمّر', 'يدمّر'),
  verb('اتهم', 'يتهم'),
  verb('اتفق', 'يتفق'),
  verb('أسفر', 'يسفر'),
  verb('تعرّض', 'يتعرّض'),
  verb('فجّر', 'يفجّر'),
  verb('انفجر', 'ينفجر'),
  // hamzated
  verb('أكّد', 'يؤكّد'),
  verb('سأل', 'يسأل'),
  verb('قرأ', 'يقرأ'),
  verb('بدأ', 'يبدأ'),
  // assimilated
  verb('وصل', 'يصل', true),
  verb('وقع', 'يقع', true),
  verb('وجد', 'يجد'),
  // hollow
  verb('قال', 'يقول'),
  verb('زار', 'يزور'),
  verb('عاد', 'يعود', true),
  verb('أصاب', 'يصيب'),
  verb('أقام', 'يقيم'),
  verb('اختار', 'يختار'),
  verb('اغتال', 'يغتال'),
  verb('أشار', 'يشير'),
  // defective
  verb('دعا', 'يدعو'),
  verb('رمى', 'يرمي'),
  verb('التقى', 'يلتقي'),
  verb('أجرى', 'يجري'),
  verb('استدعى', 'يستدعي'),
  verb('أدّى', 'يؤدّي'),
  verb('نفى', 'ينفي'),
  // doubled
  verb('شنّ', 'يشنّ'),
  verb('احتلّ', 'يحتلّ'),
  verb('استمرّ', 'يستمرّ'),
  // verbal nouns, participles, other nouns
  noun('هجوم', ['هجمات']),
  noun('مقتل'),
  noun('اغتيال'),
  noun('متظاهر'),
  noun('مسلح'),
  noun('زيارة'),
  noun('احتجاج'),
  noun('إصابة'),
  noun('مدني'),
  noun('اعتقال'),
  noun('انفجار'),
  noun('غارة'),
  noun('مسؤول'),
  noun('تفجير'),
  noun('قتيل', ['قتلى']),
  noun('جريح', ['جرحى']),
  noun('معتقل'),
  noun('إطلاق'),
  noun('دعوة'),
  noun('مظاهرة'),
  noun('لاجئ'),
];

const index = createMorphIndex(LEMMAS);

interface Row {
  readonly form: string;
  readonly lemma: string;
  readonly pos: string;
  readonly line: number;
}

function readTable(name: string): Row[] {
  const text = readFileSync(new URL(name, import.meta.url), 'utf8');
  return text.split('\n').flatMap((line, i) => {
    if (line === '' || line.startsWith('#')) return [];
    const [form, lemma, pos] = line.split('\t');
    assert.ok(form && lemma && pos, `${name}:${i + 1}: expected form<TAB>lemma<TAB>pos`);
    return [{ form: normalizeArabic(form), lemma: normalizeArabicId(lemma), pos, line: i + 1 }];
  });
}

function only(word: string) {
  const readings = index.analyze(normalizeArabic(word));
  assert.ok(readings.length > 0, `${word}: no reading`);
  return readings;
}

describe('morphology on real corpus forms', () => {
  const positive = readTable('./forms.test.tsv');
  const negative = readTable('./forms-negative.test.tsv');

  it('has at least 300 positive and 40 negative forms', () => {
    assert.ok(positive.length >= 300, `${positive.length} positive forms`);
    assert.ok(negative.length >= 40, `${negative.length} negative forms`);
  });

  it('reads every inflected form as its lemma', () => {
    const missed = positive.filter(
      (row) => !index.analyze(row.form).some((r) => r.lemma === row.lemma && r.pos === row.pos),
    );
    assert.deepEqual(
      missed.map((row) => `${row.line}: ${row.form} ≠ ${row.lemma}`),
      [],
    );
  });

  it('does not read look-alikes as the lemma', () => {
    const wrong = negative.filter((row) => index.analyze(row.form).some((r) => r.lemma === row.lemma));
    assert.deepEqual(
      wrong.map((row) => `${row.line}: ${row.form} → ${row.lemma}`),
      [],
    );
  });
});

describe('analysis fields', () => {
  it('marks the passive only where the spelling shows it', () => {
    assert.ok(only('أُصيب').some((r) => r.lemma === 'أصاب' && r.aspect === 'perfect' && r.passive));
    assert.ok(only('قيل').every((r) => r.lemma === 'قال' && r.passive));
    assert.ok(only('يُصاب').some((r) => r.aspect === 'imperfect' && r.passive));
    assert.ok(only('قُتل').every((r) => r.passive === false));
  });

  it('marks the future س', () => {
    const [reading] = only('سيزور');
    assert.equal(reading?.future, true);
    assert.equal(reading?.proclitics, 'س');
    assert.ok(only('وستستمر').some((r) => r.future && r.proclitics === 'وس'));
  });

  it('splits the object enclitic off a verb, also after وا → و', () => {
    assert.ok(only('هاجمتهم').some((r) => r.lemma === 'هاجم' && r.enclitic === 'هم'));
    assert.ok(only('قتلوه').some((r) => r.number === 'plural' && r.enclitic === 'ه'));
    assert.ok(only('يستهدفونها').some((r) => r.aspect === 'imperfect' && r.enclitic === 'ها'));
  });

  it('knows the article, number and construct state of nouns', () => {
    assert.ok(only('المتظاهرين').some((r) => r.definite && r.number === 'plural' && r.proclitics === 'ال'));
    assert.ok(only('للهجوم').some((r) => r.definite && r.proclitics === 'لل'));
    assert.ok(only('مسلحو').some((r) => r.construct && r.number === 'plural'));
    assert.ok(only('هجمات').some((r) => r.lemma === 'هجوم' && r.number === 'plural'));
    assert.ok(only('زيارته').some((r) => r.lemma === 'زيارة' && r.enclitic === 'ه' && !r.definite));
  });

  it('reads weak verbs in all their stems', () => {
    for (const word of ['دعوا', 'دعت', 'يدعون', 'رمت', 'رموا', 'يرمون', 'التقت', 'التقوا', 'يلتقون'])
      only(word);
    for (const word of ['قالت', 'قلت', 'قالوا', 'يقولون', 'شنت', 'شنوا', 'يشنون', 'شننا', 'احتللنا'])
      only(word);
    assert.ok(only('ادعُ').some((r) => r.lemma === 'دعا' && r.aspect === 'imperative'));
    assert.ok(only('يوجد').some((r) => r.lemma === 'وجد' && r.passive));
    assert.ok(only('سُئل').some((r) => r.lemma === 'سأل' && r.passive));
  });

  it('leaves other words alone', () => {
    for (const word of ['شنطة', 'دعاء', 'ادعاء', 'زراعة', 'قتال', 'قتيلة', 'مقاتل']) {
      assert.ok(
        index.analyze(normalizeArabic(word)).every((r) => !['شن', 'دعا', 'زار', 'قتل'].includes(r.lemma)),
        word,
      );
    }
    assert.deepEqual(index.analyze('و'), []);
  });

  it('returns the same frozen readings for a word seen before', () => {
    assert.equal(index.analyze('وقتلوا'), index.analyze('وقتلوا'));
    assert.ok(Object.isFrozen(index.analyze('وقتلوا')[0]));
  });

  it('rejects a verb without a ي-imperfect, naming the lemma', () => {
    assert.throws(
      () => createMorphIndex([{ kind: 'verb', id: 'x', past: 'قتل', present: 'قتل' }]),
      (error) => error instanceof MorphError && error.code === 'MORPH_BAD_LEMMA' && error.lemma === 'x',
    );
  });
});
