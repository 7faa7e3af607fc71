import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toRawOffset } from '../core/article.ts';
import { corpusSample, seedText } from '../../test/fixtures.ts';
import { cleanRawText } from './clean.ts';

function reasons(raw: string): string[] {
  return cleanRawText(raw).removed.map((r) => `${r.reason}:${r.text}`);
}

describe('cleanRawText', () => {
  it('removes the seed’s ad shortcode and "Source link" footer and reports both', () => {
    const raw = seedText();
    const result = cleanRawText(raw);
    assert.deepEqual(
      result.removed.map((r) => [r.reason, r.text]),
      [
        ['ad-shortcode', '[ad_1]'],
        ['source-footer', 'Source link'],
      ],
    );
    for (const removal of result.removed) assert.equal(raw.slice(removal.raw.start, removal.raw.end), removal.text);
    assert.ok(!result.cleanText.includes('[ad_1]'));
    assert.ok(!result.cleanText.includes('Source link'));
    assert.ok(result.cleanText.endsWith('«نفكّر في جميع الاحتمالات الممكنة».'));
  });

  it('maps every clean character back to the same raw character', () => {
    for (const raw of [seedText(), ...corpusSample().map((a) => a.text)]) {
      const { cleanText, offsetMap } = cleanRawText(raw);
      for (const segment of offsetMap) {
        assert.equal(
          cleanText.slice(segment.cleanStart, segment.cleanStart + segment.length),
          raw.slice(segment.rawStart, segment.rawStart + segment.length),
        );
      }
      const probe = cleanText.indexOf('،');
      if (probe >= 0) assert.equal(raw[toRawOffset(offsetMap, probe)], '،');
    }
  });

  it('removes shortcodes of several CMS plugins inside a line, keeping the text around them', () => {
    const result = cleanRawText('قال المتحدث [adsforwp id="2201"] إن الاجتماع انتهى. [ad_2]');
    assert.equal(result.cleanText, 'قال المتحدث إن الاجتماع انتهى.');
    assert.deepEqual(result.removed.map((r) => r.text), ['[adsforwp id="2201"]', '[ad_2]']);
    assert.equal(cleanRawText('[caption id="attachment_5" align="alignnone"]صورة الوفد[/caption]').cleanText, 'صورة الوفد');
    assert.equal(cleanRawText('وقال [المتحدث] إن المادة [1] تنص').cleanText, 'وقال [المتحدث] إن المادة [1] تنص');
  });

  it('removes source footers in Arabic and English, on their own line or glued to the last paragraph', () => {
    assert.deepEqual(reasons('نص الخبر.\nرابط المصدر'), ['source-footer:رابط المصدر']);
    assert.deepEqual(reasons('نص الخبر.\nالمصدر: وكالات'), ['source-footer:المصدر: وكالات']);
    const alweeam = corpusSample().find((a) => a.text.includes('رابط الخبر بصحيفة الوئام'))!;
    const result = cleanRawText(alweeam.text);
    assert.equal(result.removed.length, 1);
    assert.ok(result.removed[0]!.text.startsWith('رابط الخبر بصحيفة الوئام:'));
    assert.ok(!result.cleanText.includes('رابط الخبر'));
    assert.ok(/[.!]$/.test(result.cleanText), 'the paragraph before the footer is kept');
  });

  it('removes "read also" teasers with the title they link to', () => {
    const result = cleanRawText('وأكد الوزير أن المفاوضات مستمرة.\nاقرأ أيضاً:\nالأمم المتحدة تحذر من مجاعة في غزة\nوأضاف أن الجولة المقبلة ستعقد في القاهرة.');
    assert.equal(result.cleanText, 'وأكد الوزير أن المفاوضات مستمرة.\nوأضاف أن الجولة المقبلة ستعقد في القاهرة.');
    assert.deepEqual(reasons('نص.\nإقرأ أيضا: الأمم المتحدة تحذر من مجاعة في غزة\nنص آخر.'), [
      'read-also:إقرأ أيضا: الأمم المتحدة تحذر من مجاعة في غزة',
    ]);
  });

  it('removes share/follow lines and copyright lines, but not news about social networks', () => {
    assert.deepEqual(reasons('نص.\nتابعونا على تويتر وفيسبوك\nنص.'), ['share-follow:تابعونا على تويتر وفيسبوك']);
    assert.deepEqual(reasons('نص.\nFacebook Twitter WhatsApp\nنص.'), ['share-follow:Facebook Twitter WhatsApp']);
    assert.deepEqual(reasons('نص.\n© 2023 جميع الحقوق محفوظة لصحيفة الشرق الأوسط'), ['copyright:© 2023 جميع الحقوق محفوظة لصحيفة الشرق الأوسط']);
    assert.deepEqual(reasons('قال حاكم منطقة خابروفسك على تلغرام لاحقاً إن البلدين سيواصلان التعاون.'), []);
    assert.deepEqual(reasons('وتابع الرئيس حديثه على تويتر قائلا إن العلاقات متينة.'), []);
  });

  it('removes pager labels scraped into the first line (3alyoum: "Next Previous عين اليوم – واس")', () => {
    const result = cleanRawText(' Next Previous عين اليوم – واس\n استقبل خادم الحرمين الشريفين الملك سلمان أمس السفراء.');
    assert.equal(result.cleanText, 'عين اليوم – واس\nاستقبل خادم الحرمين الشريفين الملك سلمان أمس السفراء.');
    assert.deepEqual(result.removed.map((r) => [r.reason, r.text]), [['navigation', 'Next Previous']]);
    assert.equal(cleanRawText('Previous reports said so.').cleanText, 'Previous reports said so.');
  });

  it('trims lines and drops blank lines, joining kept lines with one line break', () => {
    assert.equal(cleanRawText('  أول سطر.\r\n\n\n   ثاني سطر.  \n').cleanText, 'أول سطر.\nثاني سطر.');
  });

  it('places each removal at the point of the clean text where it was', () => {
    const result = cleanRawText('[ad_1]\nأول.\nرابط المصدر\nثان.');
    assert.equal(result.cleanText, 'أول.\nثان.');
    assert.deepEqual(result.removed.map((r) => r.start), [0, 5]);
  });
});
