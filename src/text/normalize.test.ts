import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeArabic, normalizeWithOffsets } from './normalize.ts';

describe('normalizeArabic', () => {
  it('removes diacritics and tatweel', () => {
    assert.equal(normalizeArabic('قبِل'), 'قبل');
    assert.equal(normalizeArabic('ويُعتقد'), 'ويعتقد');
    assert.equal(normalizeArabic('مصنعاً'), 'مصنعا');
    assert.equal(normalizeArabic('الـكرملين'), 'الكرملين');
  });

  it('folds alef and hamza forms', () => {
    assert.equal(normalizeArabic('أكد إعلان آفاق ٱلله'), 'اكد اعلان افاق الله');
    assert.equal(normalizeArabic('مسؤول'), normalizeArabic('مسئول'));
  });

  it('folds ta marbuta into ha and alef maqsura into ya', () => {
    assert.equal(normalizeArabic('الجمعة'), 'الجمعه');
    assert.equal(normalizeArabic('إلى'), 'الي');
    assert.equal(normalizeArabic('تخشى'), 'تخشي');
  });

  it('turns Arabic-Indic and Persian digits into ASCII', () => {
    assert.equal(normalizeArabic('٢٠٢٣'), '2023');
    assert.equal(normalizeArabic('۱۴۰۲'), '1402');
    assert.equal(normalizeArabic('٣٫٥'), '3.5');
  });

  it('decomposes presentation forms and ligatures (NFKC)', () => {
    assert.equal(normalizeArabic('ﻻ'), 'لا');
    assert.equal(normalizeArabic('ﷲ'), 'الله');
    assert.equal(normalizeArabic('ﺑﻮﺗﻴﻦ'), 'بوتين');
  });

  it('drops invisible bidi controls and joiners, and lowercases Latin', () => {
    assert.equal(normalizeArabic('بو\u200Fتين'), 'بوتين');
    assert.equal(normalizeArabic('Source Link'), 'source link');
  });

  it('is idempotent', () => {
    for (const s of ['أَكَّدَ الـكرملين ٢٠٢٣', 'ﷲ ﻻ ۱۴۰۲', 'مسؤولٌ رفيعُ المستوى', 'Ǆ ﬁ']) {
      assert.equal(normalizeArabic(normalizeArabic(s)), normalizeArabic(s));
    }
  });
});

describe('normalizeWithOffsets', () => {
  it('points every normalized character back at its source character', () => {
    const source = 'قبِل دعوةً';
    const { text, sourceOffsets } = normalizeWithOffsets(source);
    assert.equal(text, normalizeArabic(source));
    assert.equal(sourceOffsets.length, text.length + 1);
    for (let i = 0; i < text.length; i++) {
      assert.equal(normalizeArabic(source[sourceOffsets[i]!]!), text[i]);
    }
    assert.equal(sourceOffsets[text.length], source.length);
  });
});
