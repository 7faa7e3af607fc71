import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Quote } from '../../core/annotations.ts';
import { cleanRawText } from '../../clean/clean.ts';
import { splitSentences } from '../../text/sentences.ts';
import { tokenize } from '../../text/tokenize.ts';
import { findEntities } from '../entities/index.ts';
import { findQuotes } from './extract.ts';

// Sentences are real: from the seed article and SaudiNewsNet articles (test/fixtures/README.md).
function quotesIn(raw: string): Quote[] {
  const text = cleanRawText(raw).cleanText;
  const tokens = tokenize(text);
  const quotes = findQuotes({ text, tokens, sentences: splitSentences(text, tokens) });
  for (const q of quotes) assert.equal(text.slice(q.start, q.end), q.text, 'quote spans slice the text');
  return quotes;
}

/** The quotes of a text, with the entities found in it as candidate speakers. */
function withEntities(text: string): Quote[] {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const { mentions } = findEntities({ text, tokens, sentences });
  return findQuotes({ text, tokens, sentences, mentions });
}

function only(raw: string): Quote {
  const quotes = quotesIn(raw);
  assert.equal(quotes.length, 1, `one quote expected, got ${quotes.map((q) => q.text).join(' | ')}`);
  return quotes[0]!;
}

describe('direct quotes', () => {
  it('takes the words inside «…» after a cue and a colon, with the audience', () => {
    const q = only(
      'وقال أمين مجلس الوزراء الياباني هيروكازو ماتسونو للصحافيين: «نرغب في إجراء محادثات عالية المستوى للتوصل إلى عقد قمة في أقرب وقت ممكن».',
    );
    assert.equal(q.form, 'direct');
    assert.equal(q.text, 'نرغب في إجراء محادثات عالية المستوى للتوصل إلى عقد قمة في أقرب وقت ممكن');
    assert.equal(q.cue?.text, 'وقال');
    assert.match(q.speaker!.text, /هيروكازو ماتسونو/);
    assert.equal(q.audience?.text, 'للصحافيين');
  });

  it('keeps a quotation spanning two sentences whole, and reads the channel', () => {
    const q = only(
      'قال حاكم منطقة خابروفسك على تلغرام لاحقاً: «نقف اليوم معاً في مواجهة ضغوط الغرب الجماعية. ستواصل الدولتان الدفاع عن مبدأي الحرية وعالم متعدد الأقطاب».',
    );
    assert.ok(q.text.includes('الجماعية. ستواصل'));
    assert.equal(q.channel?.text, 'على تلغرام');
  });

  it('finds a quotation that follows the cue without a colon', () => {
    const q = only(
      'وأفاد مانتوروف الذي يشغل أيضاً منصب وزير التجارة والصناعة «يعد ذلك مهماً على وجه الخصوص من أجل تحقيق المهام التي تواجه بلداننا».',
    );
    assert.equal(q.form, 'direct');
    assert.equal(q.speaker?.text, 'مانتوروف');
  });

  it('reads curly and straight quotation marks, and speech after a colon without marks', () => {
    assert.equal(
      only(
        'وقال النبوي في تصريحات للصحفيين بعد تشييع الجثمان “كلنا في حالة حزن شديد .. اتصل للعزاء فيه وزراء ثقافة من عدة دول.”',
      ).form,
      'direct',
    );
    assert.equal(
      only('وأكد مصدر أمني "وقع انفجار ثالث بعيد الانفجارين الاولين واستهدف مصلين".').form,
      'direct',
    );
    const colon = only(
      'وقالت أمانة جدة في بيان لها: قامت بلدية المطار الفرعية بإغلاق محل المطعم بعد رصد المخالفات.',
    );
    assert.equal(colon.form, 'direct');
    assert.ok(colon.text.startsWith('قامت بلدية المطار'));
    assert.equal(colon.channel?.text, 'في بيان');
  });

  it('splits a quotation interrupted by a new cue, and gives the dropped subject the previous speaker', () => {
    const quotes = quotesIn(
      'وقالت إيه سو ميات: «لم نتلقّ أي إنذار، وكنا نعتقد أنها أمطار عادية في هذا الموسم»، وأضافت: «خلال ساعات أصبح كل بيتي تحت المياه، واضطر زوجي للصعود إلى السطح». وقد اضطرا للجوء إلى دير.',
    );
    assert.equal(quotes.length, 2);
    assert.equal(quotes[1]!.speaker?.text, 'إيه سو ميات');
    assert.equal(quotes[1]!.speaker?.via, 'previous');
  });

  it('attributes a quotation to the source named after it', () => {
    const q = only(
      'واتفق الرئيسان في اتصال هاتفي أمس على العمل سويا “لوقف تدفق المقاتلين الأجانب وتأمين الحدود مع سورية” ، وفقا لما ذكره البيت الأبيض.',
    );
    assert.equal(q.speaker?.text, 'البيت الأبيض');
    assert.equal(q.speaker?.via, 'after-quote');
  });

  it('gives a participle cue the subject of its verb', () => {
    const q = only('وأكد مصدر طبي طلب عدم كشف اسمه، الحصيلة موضحا "تلقينا حتى الآن 13 جثة في المستشفى".');
    assert.equal(q.speaker?.text, 'مصدر طبي');
    assert.equal(q.speaker?.anonymous, true);
  });
});

describe('indirect and mixed quotes', () => {
  it('reads a denied report as no statement, and the report after it (ولم يكشف… لكن كينياتا قال إن)', () => {
    const quotes = withEntities(
      'وفي نيروبي سيرأس أوباما القمة العالمية لريادة الأعمال ثم يقوم بتأبين ضحايا تفجير السفارة الأمريكية في 1998 ويتناول العشاء مع الرئيس اوهورو كينياتا التي حالت اتهامات وجهتها له المحكمة الجنائية الدولية بارتكاب جرائم ضد الإنسانية دون قيام أوباما بهذه الزيارة مبكرا. واسقطت تلك الاتهامات في مارس.\nولم يكشف المسؤولون الأمريكيون عن تفاصيل القضايا التي ستتم مناقشتها بين البلدين في المجال الأمني لكن كينياتا قال إن الحرب على الإرهاب ستكون “محور المناقشات.”',
    );
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]!.speaker?.text, 'كينياتا');
    assert.match(quotes[0]!.text, /^إن الحرب على الإرهاب/);
  });

  it('gives a report with no subject of its own to the subject of an earlier verb (وهو ما أكده X، … إذ أشار)', () => {
    const quotes = withEntities(
      'وهو ما أكده غوني موسى، وهو مسلح في ميليشيا تقاتل بوكو حرام إلى جانب الجيش النيجيري، إذ أشار إلى ان هجوم المسلحين القادمين على الارجح من غابة سامبيسا كان اشبه بـ "حملة انتقامية".',
    );
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]!.speaker?.text, 'غوني موسى');
  });

  it('does not give a report to a name in a sentence opening with a function word (لكن X … إذ إن الاستطلاع يشير)', () => {
    const quotes = withEntities(
      'لكن دونالد ترامب الشخصية المثيرة للجدل سيخسر كثيرا في تنافس مفترض ضد الأوفر حظا للفوز بترشيح الحزب الديموقراطي هيلاري كلينتون، إذ إن الاستطلاع يشير إلى أنها ستفوز فيه بنسبة الـ48 بالمائة من الأصوات في مقابل 36 بالمائة لدونالد ترامب.',
    );
    assert.equal(quotes.length, 1);
    assert.notEqual(quotes[0]!.speaker?.text, 'دونالد ترامب');
  });

  it('reads a report whose named source comes first (ووفقا لشترايتر، فإن …)', () => {
    const quotes = withEntities(
      'ونقل جورج شترايتر نائب المتحدث باسم الحكومة الألمانية امس عن ميركل قولها خلال مكالمة هاتفية مع رئيس الوزراء التركي أحمد داود أوغلو إنه ينبغي الحفاظ على عملية السلام مع الأكراد على الرغم من كل الصعوبات.\nووفقا لشترايتر، فإن داود أوغلو أطلع ميركل خلال المكالمة على تحرك الحكومة التركية في الحرب على الإرهاب بعد التفجير الانتحاري الذي وقع في مدينة سروج والهجمات الإرهابية الأخرى ضد قوات الأمن التركية.',
    );
    const fronted = quotes.find((q) => q.text.startsWith('فإن داود أوغلو'));
    assert.equal(fronted?.form, 'indirect');
    assert.equal(fronted?.speaker?.text, 'شترايتر');
    assert.equal(fronted?.cue?.text, 'ووفقا');
  });

  it('gives a report with no subject of its own to the named subject of the verb opening its sentence', () => {
    const quotes = withEntities(
      'وقالت فاليري جاريت مساعدته البارزة وصديقة عائلته في مقابلة “كأي شخص شغوف بتراثه تتيح له زيارته لكينيا فرصة لوصل هذه العلاقة الشخصية.”\nوأبدى أوباما – الذي زار كينيا عندما كان عضوا بمجلس الشيوخ في 2006 – قدرا من الإحباط لأنه لن يتاح له نفس القدر من الحرية لرؤية البلد أثناء الزيارة إلا أنه قال إنه يتطلع لها في جميع الأحوال.',
    );
    assert.equal(quotes.length, 2);
    assert.equal(quotes[1]!.speaker?.text, 'أوباما');
  });

  it('gives a relative clause’s report to its antecedent, past an adverb after the cue (الذي قال مرة)', () => {
    const quotes = withEntities(
      'ولا نحتاج إلى جدلية ماركس، الذي قال مرة عن ديالكتيك هيغل إنه يقف على رأسه، والمطلوب أن نوقفه على قدميه.',
    );
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]!.form, 'indirect');
    assert.equal(quotes[0]!.speaker?.text, 'ماركس');
    assert.equal(quotes[0]!.speaker?.anonymous, false);
  });

  it('takes the إن/أن/بأن clause to its end, with the date', () => {
    const q = only(
      'وأعلن المتحدث باسم الكرملين دميتري بيسكوف، الجمعة، أنه لم يتم توقيع «أي اتفاق» خلال زيارة الزعيم الكوري الشمالي إلى روسيا.',
    );
    assert.equal(q.form, 'indirect', 'a two-word fragment in marks keeps the quote indirect');
    assert.equal(q.text, 'أنه لم يتم توقيع «أي اتفاق» خلال زيارة الزعيم الكوري الشمالي إلى روسيا');
    assert.equal(q.date?.text, 'الجمعة');
    assert.equal(
      only('وأفادت روسيا بأن زيارة كيم ستستمر بضعة أيام إضافية، من دون تقديم جدول زمني محدد لها.').text.slice(
        0,
        3,
      ),
      'بأن',
    );
    assert.equal(
      only('قال الجيش التركي إن مسلحين أكرادا قتلوا اثنين من جنوده في تفجير قنبلة.').form,
      'indirect',
    );
  });

  it('prefers the name to the description before it, and keeps a name starting with ك whole', () => {
    const [q] = withEntities(
      'وقال وزير الخارجية الأمريكي جون كيري إن الخطاب الذي ألقاه خامنئي يوم السبت يثير القلق.',
    );
    assert.equal(q?.speaker?.text, 'جون كيري');
  });

  it('ends the clause where a new clause begins', () => {
    const q = only(
      'وقال مسؤول بالشرطة إنه عثر يوم الجمعة على جثة الصبي في أحد الأدغال، في حين تواصل الشرطة التحقيق.',
    );
    assert.equal(q.text, 'إنه عثر يوم الجمعة على جثة الصبي في أحد الأدغال');
    assert.equal(q.speaker?.anonymous, true);
  });

  it('marks a clause with a longer quoted part as mixed and keeps the quoted part', () => {
    const q = only(
      'وذكر مسؤول حكومي ياباني رفيع الجمعة، أن رئيس الوزراء فوميو كيشيدا مستعد للقاء كيم «من دون شروط مسبقة».',
    );
    assert.equal(q.form, 'mixed');
    assert.deepEqual(
      q.quotedParts?.map((p) => p.text),
      ['من دون شروط مسبقة'],
    );
    assert.equal(q.speaker?.text, 'مسؤول حكومي ياباني رفيع');
    assert.equal(q.speaker?.anonymous, true);
  });

  it('reads a clause introduced after a colon', () => {
    const q = only(
      'وقال المتحدث باسم الجيش الكولونيل توكور غوساو في بيان: إن "الجيش النيجيري شن هجوما قرب اولاري على الطريق المؤدية إلى المدينة".',
    );
    assert.equal(q.form, 'mixed');
    assert.ok(q.text.startsWith('إن "الجيش'));
  });

  it('reads a relay: who reported whom, and قوله', () => {
    const quotes = quotesIn(
      'أوضح وزير الخارجية بارك جين، الجمعة، أن سيول تفكّر في فرض عقوبات إضافية. ونقلت وكالة «يونهاب» الإخبارية عنه قوله: «نفكّر في جميع الاحتمالات الممكنة لمواجهة ذلك».',
    );
    const relayed = quotes[1]!;
    assert.equal(relayed.form, 'direct');
    assert.equal(relayed.relay?.text, 'وكالة «يونهاب» الإخبارية');
    assert.equal(relayed.speaker?.via, 'pronoun');
    assert.match(relayed.speaker!.text, /بارك جين/);
    const inner = only(
      'وقال بيسكوف للصحافيين، كما نقلت عنه وكالة الصحافة الفرنسية: «لم يتم توقيع أي اتفاق، لم يكن هذا مقرراً».',
    );
    assert.equal(inner.relay?.text, 'وكالة الصحافة الفرنسية');
    assert.equal(inner.audience?.text, 'للصحافيين');
  });

  it('names the institution of a statement (جاء في بيان)', () => {
    const q = only(
      'وجاء في بيان للبيت الأبيض، أنهم أشاروا إلى أن أي تصدير للأسلحة إلى روسيا «سينتهك مباشرة قرارات عدة لمجلس الأمن الدولي».',
    );
    assert.equal(q.form, 'mixed');
    assert.equal(q.cue?.text, 'وجاء في بيان');
  });
});

describe('not quotations', () => {
  it('ignores names, titles and scare quotes in marks', () => {
    assert.deepEqual(
      quotesIn(
        'وشاهد كيم عمليات إنتاج مقاتلات «سوخوي سو-35» و«سو-57» الروسية، إضافة إلى رحلة تجريبية لطائرة «سو-35».',
      ),
      [],
    );
    assert.deepEqual(
      quotesIn('أثار بوتين احتمالات تعزيز التعاون وتحدث عن «آفاق» التعاون العسكري رغم العقوبات.'),
      [],
    );
  });

  it("ignores the writer's asides (يذكر أن) and audiences after قيل", () => {
    assert.deepEqual(
      quotesIn(
        'وقال المتحدث باسم الشرطة إن التحقيق مستمر. يذكر أن نهاية دوام اليوم تعد الفرصة الأخيرة للتسجيل.',
      ).length,
      1,
    );
    const q = only('وقيل لي إن بعض الإدارات البنكية توظف أبناء كبار الزبائن.');
    assert.equal(q.speaker, undefined);
  });

  it('ignores أن after a non-reporting word', () => {
    assert.deepEqual(
      quotesIn('وحذّرت بلدان غربية روسيا من إبرام اتفاق أسلحة من شأنه أن يشكّل تحدياً للعقوبات.'),
      [],
    );
    assert.deepEqual(
      quotesIn('وتخشى واشنطن وحلفاؤها أن تؤدي زيارته إلى تعزيز موقف الجيش الروسي في أوكرانيا.'),
      [],
    );
  });
});
