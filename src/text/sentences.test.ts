import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusSample, seedText } from '../../test/fixtures.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokenize.ts';

function sentencesOf(text: string): string[] {
  return splitSentences(text, tokenize(text)).map((s) => s.text);
}

describe('splitSentences', () => {
  it('ends sentences at full stops and question marks', () => {
    assert.deepEqual(sentencesOf('وحذّرت بلدان غربية روسيا. وأفاد بوتين الأربعاء، بأن كيم سيزور ميناء فلاديفوستوك.'), [
      'وحذّرت بلدان غربية روسيا.',
      'وأفاد بوتين الأربعاء، بأن كيم سيزور ميناء فلاديفوستوك.',
    ]);
    assert.deepEqual(sentencesOf('فما الذي يمكن أن يقدمه الروس للمنطقة؟ بالنسبة لليبيا، فهي تعاني إهمالاً دوليًا'), [
      'فما الذي يمكن أن يقدمه الروس للمنطقة؟',
      'بالنسبة لليبيا، فهي تعاني إهمالاً دوليًا',
    ]);
  });

  it('does not end a sentence at a full stop inside «…», and keeps the closing quote with the stop', () => {
    const text =
      'قال حاكم منطقة خابروفسك على تلغرام لاحقاً: «نقف اليوم معاً في مواجهة ضغوط الغرب الجماعية. ستواصل الدولتان الدفاع عن مبدأي الحرية». وأكد الكرملين، الخميس، أن بوتين قبِل دعوة كيم.';
    const sentences = sentencesOf(text);
    assert.equal(sentences.length, 2);
    assert.ok(sentences[0]!.endsWith('الحرية».'));
  });

  it('does not end a sentence inside straight or curly quotes', () => {
    const text = 'ونقلت عنه قوله “بعض أجزاء المسودة تجاوزت الخطوط الحمراء. لن نقبله أبدا.” وأضاف أن القرار غير مقبول.';
    assert.deepEqual(sentencesOf(text), [
      'ونقلت عنه قوله “بعض أجزاء المسودة تجاوزت الخطوط الحمراء. لن نقبله أبدا.”',
      'وأضاف أن القرار غير مقبول.',
    ]);
    assert.equal(sentencesOf('وقالت: "الوضع صعب. نعمل عليه" ثم غادرت.').length, 1);
  });

  it('closes a straight quotation mark with a curly one, as scraped text mixes them', () => {
    const text = 'وقال ابنه لوكالة فرانس برس "اقتحموا البيت فجرًا. وبعد ان فتحنا الباب، بدأوا بالصراخ». واضاف: "أصيب والدي بثلاث رصاصات".';
    assert.equal(sentencesOf(text).length, 2);
    assert.equal(sentencesOf('قال «رفضنا "الخطة" تماما. ثم غادرنا» وانتهى الاجتماع.').length, 1, 'a straight pair nested in «…»');
  });

  it('does not end a sentence at an ellipsis', () => {
    assert.equal(sentencesOf('بأن كيشيدا «يعبّر عن عزمه مواجهة (كيم) مباشرة.. في أي وقت ومن دون شروط مسبقة».').length, 1);
    assert.equal(sentencesOf('يأتي الإنصاف متأخراً أحيان.. ويأتي أحياناً أخرى بعد فوات الأوان.. لكنه حينما يأتي يضيء.').length, 1);
    assert.equal(sentencesOf('سعود الفيصل … هيبة الحضور والوداع').length, 1);
  });

  it('does not end a sentence at an abbreviation', () => {
    assert.equal(sentencesOf('والأمين العام للجامعة د. نبيل العربي، سيتم لمدة يوم واحد.').length, 1);
    assert.equal(sentencesOf('وقال Mr. Smith إن الوضع مستقر.').length, 1);
    assert.equal(sentencesOf('نقلت وكالة د.ب.أ الخبر.').length, 1);
  });

  it('makes each line without final punctuation a headline-like sentence of its own', () => {
    const text = seedText();
    const sentences = splitSentences(text, tokenize(text));
    assert.equal(sentences[0]!.text, 'موسكو مستعدة لتمديد اتفاق الرحلات الفضائية المشتركة مع واشنطن');
    assert.equal(sentences[0]!.headlineLike, true);
    const second = sentences.find((s) => s.text.startsWith('الزعيم الكوري الشمالي يزور'));
    assert.equal(second?.headlineLike, true);
    assert.ok(second?.text.endsWith('معه'));
    assert.equal(sentences.find((s) => s.text.startsWith('زار الزعيم'))?.headlineLike, false);
  });

  it('covers the text: sentences are ordered, slice exactly, and hold their tokens', () => {
    for (const text of [seedText(), ...corpusSample().map((a) => a.text)]) {
      const tokens = tokenize(text);
      const sentences = splitSentences(text, tokens);
      let tokenIndex = 0;
      for (const sentence of sentences) {
        assert.equal(text.slice(sentence.start, sentence.end), sentence.text);
        assert.equal(sentence.tokenStart, tokenIndex);
        assert.equal(tokens[sentence.tokenStart]!.start, sentence.start);
        assert.equal(tokens[sentence.tokenEnd - 1]!.end, sentence.end);
        tokenIndex = sentence.tokenEnd;
      }
      assert.equal(tokenIndex, tokens.length);
    }
  });
});
