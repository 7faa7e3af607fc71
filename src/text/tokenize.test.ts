import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Token } from '../core/annotations.ts';
import { corpusSample, seedText } from '../../test/fixtures.ts';
import { tokenize } from './tokenize.ts';

function texts(tokens: readonly Token[]): string[] {
  return tokens.map((t) => t.text);
}

function partsOf(sentence: string, word: string): string[] | undefined {
  const token = tokenize(sentence).find((t) => t.text === word);
  assert.ok(token, `token ${word} not found`);
  return token.parts?.map((p) => `${p.text}:${p.role}`);
}

describe('tokenize', () => {
  it('keeps offsets that slice the text exactly, and parts that tile their token', () => {
    const texts = [seedText(), ...corpusSample().map((a) => a.text)];
    for (const text of texts) {
      let previousEnd = 0;
      for (const token of tokenize(text)) {
        assert.equal(text.slice(token.start, token.end), token.text);
        assert.ok(token.start >= previousEnd, 'tokens are ordered and do not overlap');
        previousEnd = token.end;
        if (token.parts !== undefined) {
          assert.equal(token.parts[0]!.start, token.start);
          assert.equal(token.parts.at(-1)!.end, token.end);
          for (let i = 0; i < token.parts.length; i++) {
            const part: { start: number; end: number; text: string } = token.parts[i]!;
            assert.equal(text.slice(part.start, part.end), part.text);
            if (i > 0) assert.equal(part.start, token.parts[i - 1]!.end);
          }
        }
      }
    }
  });

  it('separates Arabic punctuation: ، ؛ ؟ « » “ ” …', () => {
    assert.deepEqual(texts(tokenize('وأعلن المتحدث باسم الكرملين دميتري بيسكوف، الجمعة، أنه')).slice(5, 9), ['بيسكوف', '،', 'الجمعة', '،']);
    assert.deepEqual(texts(tokenize('إلى البلاد؛ إذ التقى')), ['إلى', 'البلاد', '؛', 'إذ', 'التقى']);
    assert.deepEqual(texts(tokenize('في حال مخالفتها؟ توعية')), ['في', 'حال', 'مخالفتها', '؟', 'توعية']);
    assert.deepEqual(texts(tokenize('عدم توقيع «أي اتفاق» معه')), ['عدم', 'توقيع', '«', 'أي', 'اتفاق', '»', 'معه']);
    assert.deepEqual(texts(tokenize('مسرح “تدمر” اليوم')), ['مسرح', '“', 'تدمر', '”', 'اليوم']);
    assert.deepEqual(texts(tokenize('سعود الفيصل … هيبة الحضور')), ['سعود', 'الفيصل', '…', 'هيبة', 'الحضور']);
    assert.deepEqual(texts(tokenize('(كيم) مباشرة.. في أي وقت')), ['(', 'كيم', ')', 'مباشرة', '..', 'في', 'أي', 'وقت']);
  });

  it('keeps numbers with their separators', () => {
    assert.deepEqual(texts(tokenize('بمشاركة 1,200 عسكري')), ['بمشاركة', '1,200', 'عسكري']);
    assert.deepEqual(texts(tokenize('حصة السهم 0.80 ريال')), ['حصة', 'السهم', '0.80', 'ريال']);
    assert.deepEqual(texts(tokenize('مطار جدة (5,712,778 ) مليون')), ['مطار', 'جدة', '(', '5,712,778', ')', 'مليون']);
    assert.deepEqual(texts(tokenize('العام الدراسي 1436-1437 بالمعهد')), ['العام', 'الدراسي', '1436-1437', 'بالمعهد']);
    assert.deepEqual(texts(tokenize('بلغ ١٬٢٠٠ دولار في ١٥/٩/٢٠٢٣')), ['بلغ', '١٬٢٠٠', 'دولار', 'في', '١٥/٩/٢٠٢٣']);
    const number = tokenize('في يوليو (تموز) 2000.').find((t) => t.type === 'number');
    assert.equal(number?.text, '2000');
  });

  it('keeps Latin words, URLs and e-mail addresses whole', () => {
    const tokens = tokenize('على موقع الإلكتروني http://dfpa.ksu.edu.sa/، ويبدأ عبر www.sehai.org. Source link tariq@asharqalawsat.com');
    const byType = (type: string) => tokens.filter((t) => t.type === type).map((t) => t.text);
    assert.deepEqual(byType('url'), ['http://dfpa.ksu.edu.sa/', 'www.sehai.org']);
    assert.deepEqual(byType('latin'), ['Source', 'link']);
    assert.deepEqual(byType('email'), ['tariq@asharqalawsat.com']);
    assert.ok(texts(tokens).includes('،'), 'the comma after a URL is its own token');
  });

  it('keeps hyphenated names whole', () => {
    assert.ok(texts(tokenize('مصنعا في كومسومولسك-نا-آمور التي تعد')).includes('كومسومولسك-نا-آمور'));
    assert.deepEqual(texts(tokenize('مقاتلات «سوخوي سو-35» و«سو-57» الروسية')), [
      'مقاتلات', '«', 'سوخوي', 'سو-35', '»', 'و', '«', 'سو-57', '»', 'الروسية',
    ]);
  });

  it('splits proclitics when the rest is a known word or a name in the text', () => {
    const seed = seedText();
    assert.deepEqual(partsOf(seed, 'لكيم'), ['ل:preposition', 'كيم:base']);
    assert.deepEqual(partsOf(seed, 'لكيشيدا'), ['ل:preposition', 'كيشيدا:base']);
    assert.deepEqual(partsOf(seed, 'لبوتين'), ['ل:preposition', 'بوتين:base']);
    assert.deepEqual(partsOf(seed, 'وأعلن'), ['و:conjunction', 'أعلن:base']);
    assert.deepEqual(partsOf(seed, 'والكرملين'), ['و:conjunction', 'ال:article', 'كرملين:base']);
    assert.deepEqual(partsOf(seed, 'للصحافيين'), ['ل:preposition', 'ل:article', 'صحافيين:base']);
    assert.deepEqual(partsOf(seed, 'بالنظر'), ['ب:preposition', 'ال:article', 'نظر:base']);
    assert.deepEqual(partsOf(seed, 'وبإشراف'), ['و:conjunction', 'ب:preposition', 'إشراف:base']);
    assert.deepEqual(partsOf(seed, 'فسيمثل'), ['ف:conjunction', 'سيمثل:base']);
    assert.deepEqual(partsOf('وقال الأمين العام للجامعة د. نبيل العربي', 'للجامعة'), ['ل:preposition', 'ل:article', 'جامعة:base']);
  });

  it('does not break words that merely start with clitic letters', () => {
    const seed = seedText();
    for (const word of ['بوتين', 'فلاديمير', 'الولايات', 'بيونغ', 'وزير', 'بلدان', 'التقى']) {
      const parts = partsOf(seed, word);
      if (word === 'الولايات') assert.deepEqual(parts, ['ال:article', 'ولايات:base']);
      else assert.equal(parts, undefined, `${word} must stay whole`);
    }
    assert.deepEqual(partsOf(seed, 'للقاء'), ['ل:preposition', 'لقاء:base'], 'للقاء is ل + لقاء, not ل + ال + قاء');
    assert.equal(partsOf('مجلس التعاون لدول الخليج العربية ولايات متحدة', 'ولايات'), undefined);
    assert.equal(partsOf('قال كان الأمير فيصل بن فرحان', 'فيصل'), undefined);
    assert.equal(partsOf('قال كان الأمير فيصل بن فرحان', 'كان'), undefined);
  });

  it('gives every token a normalized form', () => {
    const [token] = tokenize('قبِل');
    assert.equal(token?.norm, 'قبل');
  });
});
