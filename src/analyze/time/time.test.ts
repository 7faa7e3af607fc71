import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SEED_GOLD_PATH, seedText } from '../../../test/fixtures.ts';
import { cleanRawText } from '../../clean/clean.ts';
import type { TimeExpression } from '../../core/annotations.ts';
import { RasdError } from '../../core/errors.ts';
import { checkPipeline } from '../../core/pipeline.ts';
import { splitSentences } from '../../text/sentences.ts';
import { tokenize } from '../../text/tokenize.ts';
import { tokensComponent, sentencesComponent } from '../components.ts';
import { findTimes, fromHijri, timesComponent } from './index.ts';

// Sentences are copied from ../shared/corpus: the seed article (published 2023-09-15) and SaudiNewsNet
// (sample-500.jsonl, the date given is the article's `date_extracted`).
function times(text: string, publishedAt?: string): TimeExpression[] {
  const tokens = tokenize(text);
  return findTimes({ cleanText: text, publishedAt }, { tokens, sentences: splitSentences(text, tokens) });
}

function brief(text: string, publishedAt?: string): string[] {
  return times(text, publishedAt).map((t) => `${t.text} → ${t.value ?? t.relative ?? `AH ${t.hijri}`}`);
}

describe('times: seed article', () => {
  it('normalizes the four gold date expressions of the whole seed article (published 2023-09-15)', () => {
    const text = cleanRawText(seedText()).cleanText;
    const found = times(text, '2023-09-15');
    const gold = (JSON.parse(readFileSync(SEED_GOLD_PATH, 'utf8')) as { dates: { text: string }[] }).dates;
    // The acceptance values of issue 5: the month as written, each weekday the latest one on or before publication.
    const expected: Record<string, string> = {
      'يوليو (تموز) 2000': '2000-07',
      الجمعة: '2023-09-15',
      الخميس: '2023-09-14',
      الأربعاء: '2023-09-13',
    };
    for (const date of gold) {
      const matches = found.filter((t) => t.text === date.text);
      assert.ok(matches.length > 0, `no time expression "${date.text}"`);
      for (const match of matches) assert.equal(match.value, expected[date.text], date.text);
    }
    for (const t of found) assert.equal(text.slice(t.start, t.end), t.text);
  });

  it('normalizes the weekdays against the publication date', () => {
    assert.deepEqual(
      brief('وأعلن المتحدث باسم الكرملين دميتري بيسكوف، الجمعة، أنه لم يتم توقيع «أي اتفاق».', '2023-09-15'),
      ['الجمعة → 2023-09-15'],
    );
    assert.deepEqual(
      brief('وقال الكرملين الخميس إن بوتين قبِل دعوة من كيم لزيارة كوريا الشمالية.', '2023-09-15'),
      ['الخميس → 2023-09-14'],
    );
    assert.deepEqual(brief('وأفاد بوتين الأربعاء، بأن كيم سيزور ميناء فلاديفوستوك.', '2023-09-15'), [
      'الأربعاء → 2023-09-13',
    ]);
  });

  it('reads a month given in two calendars with its year', () => {
    const [found] = times('إذ التقى كيم جونغ إيل في بيونغ يانغ في يوليو (تموز) 2000.', '2023-09-15');
    assert.equal(found?.text, 'يوليو (تموز) 2000');
    assert.equal(found?.value, '2000-07');
    assert.equal(found?.granularity, 'month');
    assert.equal(found?.resolution, 'absolute');
  });

  it('takes "earlier this week" as the publication week', () => {
    const [found] = times('حيث التقى الرئيس الروسي في وقت سابق هذا الأسبوع.', '2023-09-15');
    assert.equal(found?.text, 'في وقت سابق هذا الأسبوع');
    assert.equal(found?.value, '2023-W37');
    assert.equal(found?.granularity, 'week');
  });

  it('leaves weekdays relative when the article has no date', () => {
    const [found] = times('وقال الكرملين الخميس إن بوتين قبِل دعوة من كيم.');
    assert.equal(found?.resolution, 'unanchored');
    assert.equal(found?.relative, 'weekday:-THU');
    assert.equal(found?.value, undefined);
  });
});

describe('times: weekdays', () => {
  it('reads (يوم) الأحد المقبل as the next Sunday, leaving يوم out of the span', () => {
    assert.deepEqual(
      brief('ويبدأ التقديم عليها ابتداءً من يوم الأحد المقبل، ولمدة خمسة أيام.', '2015-07-21'),
      ['الأحد المقبل → 2015-07-26'],
    );
  });

  it('keeps the part of the day and يوم in the span', () => {
    assert.deepEqual(
      brief('ويستقبل المقر الرئيسي لغرفة الرياض صباح يوم الثلاثاء القادم الراغبين في التوظيف.', '2015-08-09'),
      ['صباح يوم الثلاثاء القادم → 2015-08-11'],
    );
  });

  it('takes الجمعة الماضية as strictly before the publication day', () => {
    assert.deepEqual(brief('وكانت الشرطة قد اعتقلت المشتبه به الجمعة الماضية.', '2023-09-15'), [
      'الجمعة الماضية → 2023-09-08',
    ]);
  });

  it('reads a weekday in a future clause as the coming one', () => {
    assert.deepEqual(brief('وسيلتقي الوزير نظيره الأحد في الرياض.', '2023-09-15'), ['الأحد → 2023-09-17']);
  });

  it('does not take الأحد عشر or بين الاثنين for weekdays', () => {
    assert.deepEqual(brief('وصل الأحد عشر لاعبا إلى الملعب.', '2023-09-15'), []);
    assert.deepEqual(brief('وجرى اتفاق بين الاثنين على التعاون.', '2023-09-15'), []);
  });

  it('reads الاثنين as Monday in a news clause', () => {
    assert.deepEqual(brief('وأعلنت الوزارة الاثنين أن الاجتماع تأجل.', '2023-09-15'), [
      'الاثنين → 2023-09-11',
    ]);
  });
});

describe('times: relative days, weeks, months, years', () => {
  it('reads مساء أمس and مساء أمس الأول', () => {
    assert.deepEqual(
      brief('أقام الأمير فيصل بن ثامر بن عبدالعزيز، مساء أمس، حفل معايدة بفندق البلاد بجدة.', '2015-07-21'),
      ['مساء أمس → 2015-07-20'],
    );
    assert.deepEqual(brief('أقدم مواطن يبلغ من العمر 35 عاماً مساء أمس الأول على قتل ابنه.', '2015-08-03'), [
      'مساء أمس الأول → 2015-08-01',
    ]);
  });

  it('reads أول أمس with its weekday', () => {
    assert.deepEqual(
      brief(
        'وصلت بعثة الفريق الأول لكرة القدم بنادي الفتح أول أمس الاثنين إلى مطار تونس قرطاج الدولي.',
        '2015-07-22',
      ),
      ['أول أمس الاثنين → 2015-07-20'],
    );
  });

  it('reads اليوم (الأربعاء), غداً الأربعاء and بعد غد', () => {
    assert.deepEqual(brief('اعتقلت الشرطة الايطالية، اليوم (الاربعاء)، تونسيا وباكستانيا.', '2015-07-22'), [
      'اليوم (الاربعاء) → 2015-07-22',
    ]);
    assert.deepEqual(
      brief(
        'كشف المهوس أبرز ملامح خطة عمل المهرجان الذي سينطلق غداً الأربعاء وسط منظومة متكاملة.',
        '2015-08-04',
      ),
      ['غداً الأربعاء → 2015-08-05'],
    );
    assert.deepEqual(
      brief('المسرحية التي ستعرض في حفل افتتاح سوق عكاظ في دورته التاسعة مساء بعد غد.', '2015-08-10'),
      ['مساء بعد غد → 2015-08-12'],
    );
  });

  it('does not take اليوم التالي or صحيفة اليوم for today', () => {
    assert.deepEqual(brief('وفي اليوم التالي عاد الوفد إلى بلاده.', '2015-08-10'), []);
    assert.deepEqual(brief('وقال لصحيفة اليوم إن المشروع اكتمل.', '2015-08-10'), []);
    assert.deepEqual(
      brief('وأوضح المختصون والاقتصاديون خلال حديثهم لـ «اليوم» ان الميزانية الرئيسية.', '2015-07-21'),
      [],
    );
    assert.deepEqual(brief('وأخيرا تختتم فعاليات اليوم الرابع بالعرضة السعودية.', '2015-07-21'), []);
    assert.deepEqual(brief('لذا فنحن في أمس الحاجة إلى مراجعة المعايير.', '2015-07-21'), []);
    assert.deepEqual(
      brief('ويفسر كل ما يراه من نظارة شكوكه، ويوما بعد يوم حتى يهدم البيت.', '2015-07-21'),
      [],
    );
  });

  it('reads الأسبوع الماضي and العام الماضي', () => {
    assert.deepEqual(
      brief(
        'وأدى الإعصار كومين الأسبوع الماضي إلى تفاقم الوضع إذ رافقته رياح شديدة وأمطار غزيرة.',
        '2015-08-04',
      ),
      ['الأسبوع الماضي → 2015-W31'],
    );
    assert.deepEqual(brief('وتحصل ساندلر (48 عاما) على 41 مليون دولار خلال العام الماضي.', '2015-08-06'), [
      'العام الماضي → 2014',
    ]);
    assert.deepEqual(brief('ويتوقع أن ترتفع الأسعار الشهر المقبل.', '2015-12-06'), [
      'الشهر المقبل → 2016-01',
    ]);
  });

  it('reads counted offsets: قبل يومين، منذ ثلاثة أيام، قبل 3 سنوات, but not قبل يومين من', () => {
    assert.deepEqual(brief('وكان الوزير قد وصل إلى الرياض قبل يومين في زيارة رسمية.', '2015-08-04'), [
      'قبل يومين → 2015-08-02',
    ]);
    assert.deepEqual(brief('واستمر البحث عن المفقودين منذ ثلاثة أيام دون نتيجة.', '2015-08-04'), [
      'منذ ثلاثة أيام → 2015-08-01',
    ]);
    assert.deepEqual(brief('وتأسست الشركة قبل 3 سنوات في جدة.', '2015-08-04'), ['قبل 3 سنوات → 2012']);
    assert.deepEqual(brief('وصل الوفد قبل يومين من الهجوم.', '2015-08-04'), []);
    assert.deepEqual(brief('وتنتهي الأعمال قبل شهر رمضان المبارك.', '2015-08-04'), [
      'شهر رمضان → AH 1436-09',
    ]);
    assert.deepEqual(brief('ويعمل في الشركة منذ عام 2011 مديرا.', '2015-08-04'), ['عام 2011 → 2011']);
  });

  it('marks relative expressions when there is no publication date', () => {
    assert.deepEqual(brief('وأدى الإعصار كومين الأسبوع الماضي إلى تفاقم الوضع.'), [
      'الأسبوع الماضي → week:-1',
    ]);
    assert.deepEqual(brief('أقام الأمير، مساء أمس، حفل معايدة.'), ['مساء أمس → day:-1']);
  });
});

describe('times: calendar dates', () => {
  it('reads Syriac and combined month names, past and future', () => {
    assert.deepEqual(
      brief('ووجهت النيابة العامة في 14 تموز/ يوليو الماضي الاتهام إلى هؤلاء المتهمين.', '2015-08-06'),
      ['14 تموز/ يوليو الماضي → 2015-07-14'],
    );
    assert.deepEqual(brief('اللواء وليد سلمان الذي تنتهي خدمته في 7 آب (أغسطس) المقبل.', '2015-07-27'), [
      '7 آب (أغسطس) المقبل → 2015-08-07',
    ]);
    assert.deepEqual(brief('أعدمت في 15 تشرين الأول - أكتوبر.'), [
      '15 تشرين الأول - أكتوبر → date:XXXX-10-15',
    ]);
  });

  it('reads a day and month with a year, in Arabic-Indic digits too', () => {
    assert.deepEqual(brief('وقعت الحادثة في ١٥ سبتمبر ٢٠٢٣ قرب الحدود.'), ['١٥ سبتمبر ٢٠٢٣ → 2023-09-15']);
    assert.deepEqual(brief('وتنتهي المهلة في 15 أيلول/سبتمبر.', '2023-09-01'), [
      '15 أيلول/سبتمبر → 2023-09-15',
    ]);
  });

  it('reads numeric dates', () => {
    assert.deepEqual(brief('«صحيفة السياسة 22/07/2015».'), ['22/07/2015 → 2015-07-22']);
    assert.deepEqual(brief('صدر القرار بتاريخ 2023-09-15 عن الوزارة.'), ['2023-09-15 → 2023-09-15']);
  });

  it('does not take آب (father) or مارس (practised) for months without a day or year', () => {
    assert.deepEqual(brief('وقال الأب إن ابنه مارس الرياضة منذ صغره.', '2015-08-06'), []);
  });
});

describe('times: ordinal days, numeric dates with spaces, weekdays that fix the year', () => {
  it('reads ordinal days of Gregorian and Hijri months', () => {
    assert.deepEqual(
      brief(
        'ويمدد حالة الطوارئ على كامل التراب التونسي لشهرين اعتبارا من الثالث من أغسطس (آب) 2015.',
        '2015-08-04',
      ),
      ['الثالث من أغسطس (آب) 2015 → 2015-08-03'],
    );
    assert.deepEqual(
      brief(
        'لانطلاق المرحلة الأولى من الانتخابات في السابع من ذي القعدة المقبل التي تشمل قيد الناخبين.',
        '2015-08-04',
      ),
      ['السابع من ذي القعدة المقبل → 2015-08-22'],
    );
    assert.deepEqual(brief('ويستمر حتى التاسع عشر من شوال بحزمة فعاليات ضخمة.', '2015-08-04'), [
      'التاسع عشر من شوال → 2015-08-04',
    ]);
  });

  it('reads numeric dates written with spaces, Hijri by their era or year', () => {
    assert.deepEqual(
      brief('اعتبارا من هذا اليوم السبت 9 / 10 / 1436 هـ الموافق 25 / 7 / 2015 م إلى خمسة أيام.'),
      ['اليوم السبت → day:0', '9 / 10 / 1436 هـ → 2015-07-25', '25 / 7 / 2015 م → 2015-07-25'],
    );
    assert.deepEqual(
      brief('وتم تنويمه بمستشفى الأمير عبدالعزيز بن مساعد في تاريخ 27/7/1436ه، وأدخل في العناية المركزة.'),
      ['27/7/1436ه → 2015-05-16'],
    );
  });

  it('lets a weekday written beside a date without year choose the year', () => {
    const [found] = times(
      'عبر برنامج Skype، التي سيقيمها النادي يوم الاثنين 10 جمادى الآخر (30 مارس)، على مدى 3 ساعات.',
      '2015-07-24',
    );
    assert.equal(found?.text, 'الاثنين 10 جمادى الآخر');
    assert.equal(found?.value, '2015-03-30');
  });

  it('reads أول من أمس and leaves out the verb غدا and the outlet عين اليوم', () => {
    assert.deepEqual(
      brief('بعد فوزه على أخيسار سبور التركي أول من أمس، حيث اشتمل المران الصباحي.', '2015-07-31'),
      ['أول من أمس → 2015-07-29'],
    );
    assert.deepEqual(
      brief('وما تسعى الرياض إنجازه وتجسيده على أرض الواقع قد غدا جزءا ثابتا.', '2015-08-07'),
      [],
    );
    assert.deepEqual(brief('عين اليوم – الرياض أغلق مؤشر سوق الأسهم السعودية.', '2015-07-24'), []);
  });

  it('reads a day of the current or next month', () => {
    assert.deepEqual(brief('وتبدأ الدراسة في 20 من الشهر المقبل بحسب الوزارة.', '2017-12-07'), [
      '20 من الشهر المقبل → 2018-01-20',
    ]);
    assert.deepEqual(brief('وحددت الوزارة يوم 24 الجاري موعدا لعودة المشرفين التربويين.', '2015-07-21'), [
      'يوم 24 الجاري → 2015-07-24',
    ]);
  });

  it('reads a weekday of a named week', () => {
    assert.deepEqual(brief('وتعقد اللجنة اجتماعها يوم الجمعة من الأسبوع المقبل.', '2023-09-15'), [
      'الجمعة من الأسبوع المقبل → 2023-09-22',
    ]);
  });
});

describe('times: Hijri dates and years', () => {
  it('converts a Hijri date to the Gregorian day', () => {
    const [found] = times('وأعلنت الهيئة أن 3 رمضان 1444 هـ موعد بدء التسجيل.');
    assert.equal(found?.text, '3 رمضان 1444 هـ');
    assert.equal(found?.form, 'hijri');
    assert.equal(found?.hijri, '1444-09-03');
    assert.equal(found?.value, '2023-03-25');
  });

  it('resolves a Hijri date without its year against the publication date', () => {
    const [found] = times('حيث آخر موعد لتقديم الطلبات ١٦ ذو القعدة المقبل.', '2015-08-04');
    assert.equal(found?.text, '١٦ ذو القعدة المقبل');
    assert.equal(found?.hijri, '1436-11-16');
    assert.equal(found?.value, '2015-08-31');
  });

  it('reads Gregorian and Hijri years', () => {
    assert.deepEqual(
      brief('اليوم أصبحنا في الربع الثالث من عام 2015، وهو الذي كان مستقبلا في عام 2012.', '2015-07-23'),
      ['اليوم → 2015-07-23', 'عام 2015 → 2015', 'عام 2012 → 2012'],
    );
    const hijri = times('في مهرجان أبها يجمعنا 1436هـ.');
    assert.equal(hijri[0]?.text, '1436هـ');
    assert.equal(hijri[0]?.hijri, '1436');
    assert.deepEqual(brief('وتضاعف عدد الزوار منذ 2019 بحسب الهيئة.'), ['2019 → 2019']);
  });

  it('does not take a bare count for a year', () => {
    assert.deepEqual(brief('وشارك 2000 متطوع في الحملة.'), []);
  });

  it('finds the Gregorian day of a Hijri date', () => {
    assert.deepEqual(fromHijri({ year: 1445, month: 1, day: 1 }), { year: 2023, month: 7, day: 19 });
  });
});

describe('times: clock times', () => {
  it('reads الساعة with an hour word, a fraction and a part of the day', () => {
    assert.deepEqual(
      brief('وأوضح الناطق الإعلامي أنه عند الساعة الخامسة والنصف من مساء أمس الأول ورد بلاغ.', '2015-08-03'),
      ['الساعة الخامسة والنصف → 2015-08-01T17:30', 'مساء أمس الأول → 2015-08-01'],
    );
    assert.deepEqual(brief('وحددتها وزارة العمل ما بين الساعة 12 ظهراً وحتى الساعة 3 عصراً.', '2015-08-02'), [
      'الساعة 12 ظهراً → 2015-08-02T12:00',
      'الساعة 3 عصراً → 2015-08-02T15:00',
    ]);
  });

  it('reads 10:30 and الساعة العاشرة صباحا on the day named beside it', () => {
    assert.deepEqual(brief('ويبدأ الاجتماع الخميس الساعة العاشرة صباحا.', '2023-09-15'), [
      'الخميس → 2023-09-14',
      'الساعة العاشرة صباحا → 2023-09-14T10:00',
    ]);
    assert.deepEqual(brief('انطلقت المباراة عند 10:30 مساء.', '2023-09-15'), [
      '10:30 مساء → 2023-09-15T22:30',
    ]);
  });
});

describe('times: component', () => {
  it('declares its layers and fits after tokens and sentences', () => {
    assert.deepEqual(timesComponent.requires, ['tokens', 'sentences']);
    checkPipeline([tokensComponent, sentencesComponent, timesComponent]);
  });

  it('keeps every span on the clean text', () => {
    const text =
      'زار الزعيم الكوري الشمالي كيم جونغ أون الجمعة مصنعا. والتقاه بوتين في 13 أيلول/سبتمبر 2023 الساعة 10:30.';
    for (const t of times(text, '2023-09-15')) assert.equal(text.slice(t.start, t.end), t.text);
  });

  it('names the article when its publication date is not a date', () => {
    assert.throws(
      () =>
        findTimes({ cleanText: 'الجمعة', publishedAt: 'yesterday', id: 'a1' }, { tokens: [], sentences: [] }),
      (error: unknown) =>
        error instanceof RasdError && error.code === 'E_BAD_DOCUMENT' && error.message.includes('a1'),
    );
  });
});
