import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Quote } from '../../core/annotations.ts';
import { splitSentences } from '../../text/sentences.ts';
import { tokenize } from '../../text/tokenize.ts';
import { findEntities } from '../entities/index.ts';
import { agreementOf } from './agreement.ts';
import { cueOf } from './cues.ts';
import { findQuotes } from './extract.ts';

// Real sentences from SaudiNewsNet (article named by outlet and id) for each class of issue 19.
function quotes(text: string): Quote[] {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const { mentions } = findEntities({ text, tokens, sentences });
  const found = findQuotes({ text, tokens, sentences, mentions });
  for (const q of found) assert.equal(text.slice(q.start, q.end), q.text);
  return found;
}

function one(text: string): Quote {
  const found = quotes(text);
  assert.equal(found.length, 1, found.map((q) => q.text).join(' | '));
  return found[0]!;
}

describe('the mined reporting vocabulary, through the morphology', () => {
  it('knows every inflection of a cue lemma and refuses its homographs', () => {
    const lemma = (word: string) => cueOf(tokenize(word)[0]!)?.lemma;
    for (const word of ['قلن', 'يقولان', 'سيقول', 'وقالتا']) assert.equal(lemma(word), 'قال', word);
    assert.equal(lemma('مؤكدين'), 'أكد');
    assert.equal(lemma('وأردفت'), 'أردف');
    // بين is "between", طالب "student", ورد "came": never cues.
    for (const word of ['بين', 'طالب', 'ورد', 'المؤكد'])
      assert.equal(cueOf(tokenize(word)[0]!), undefined, word);
  });

  it('refuses the homographs and passives that report nothing (aljazirah 20150802/ln38, sabq gEMfde)', () => {
    assert.equal(
      quotes(
        'فقد لمحت (زوجتي) نفع الله بعلمها وعملها، وهي تحمل بروازاً كُتب بداخله عبارة (أتمنى أن نهرم سوياً).',
      ).length,
      0,
    );
    for (const word of ['يجب', 'واجب', 'تقرر', 'فرد', 'فرداً'])
      assert.equal(cueOf(tokenize(word)[0]!), undefined, word);
  });

  it("leaves the writer's own call and a prayer unreported (sabq 5L1aCd, alwatan 229867)", () => {
    assert.equal(
      quotes(
        'ولذا فإنني في هذا المقام أدعو طلاب كليات العلوم السياسية، وكل من له صلة بهذه الدراسات، أن ييمموا أشرعتهم تجاه حياة الفقيد العملية.',
      ).length,
      0,
    );
    assert.equal(
      quotes(
        'وقدما التعازي لوالديهما وأخوتهما وأقارب الشهيدين، داعيين الله سبحانه وتعالى أن يرحمهما ويتغمدهما بواسع رحمته.',
      ).length,
      0,
    );
  });

  it('reads ردّ بأن (alyaum 4079434)', () => {
    const q = one('ولكن الرئيس رد عليه بأن الملف تحت الدراسة لديه.');
    assert.equal(q.text, 'بأن الملف تحت الدراسة لديه');
    assert.notEqual(q.speaker?.text, 'عليه');
  });

  it('reads وصف … بأنه with its subject (aawsat 411261)', () => {
    const q = one(
      'ووصف بوسنين الحادث بأنه «أسوأ يوم» للمدينة ومحيطها منذ اندلاع القتال قبل أكثر من ثلاثة أشهر.',
    );
    assert.ok(q.text.startsWith('بأنه'));
    assert.equal(q.speaker?.text, 'بوسنين');
  });

  it('takes the only noun phrase of اتهم … بأنها as its object, not its subject (aawsat 411976)', () => {
    const q = one('واتهمت الحكومة بأنها لم تقدر خطر التهديد الجهادي.');
    assert.equal(q.text, 'بأنها لم تقدر خطر التهديد الجهادي');
    assert.notEqual(q.speaker?.text, 'الحكومة');
  });

  it('reads أجاب with a colon and a quotation (okaz 20150722784959)', () => {
    const q = one('أجاب كيري: «تفاوضنا مع ايران في الملف النووي فقط، ولم نتطرق إلى القضايا الأخرى».');
    assert.equal(q.form, 'direct');
    assert.equal(q.speaker?.text, 'كيري');
  });

  it('reads تابع، استطرد، لفت (aawsat 408466, alriyadh 1066696, aawsat 409711)', () => {
    const tabi = one(
      'وتابع المصدر أن حماه واحد من قياديين «يعترضون على سكوت النصرة عن تجاوزات المقاتلين الأجانب».',
    );
    assert.equal(tabi.speaker?.anonymous, true);
    assert.equal(tabi.form, 'mixed');
    const istatrad = one(
      'واستطرد قائلا: "يعد ماتريالز هاندلنج الشرق الأوسط منصة رائعة للترويج لمنتجاتنا وخدماتنا".',
    );
    assert.equal(istatrad.form, 'direct');
    const lafat = one(
      'ولفت الأمير متعب خلال جولته إلى أن بناء وتطوير قوات الحرس الوطني يتم وفق الخطط والاستراتيجية المعدة لهذا الغرض.',
    );
    assert.ok(lafat.text.startsWith('أن بناء'));
  });
});

describe('attribution after the content', () => {
  it('reports the clause before بحسب, its source an unnamed one (aawsat 411546)', () => {
    const q = one(
      'وأوضح فابيوس أنه سيزور طهران. والزيارة مقررة في 29 يوليو (تموز)، بحسب مقربين منه.'.slice(28),
    );
    assert.equal(q.text, 'الزيارة مقررة في 29 يوليو (تموز)');
    assert.equal(q.speaker?.anonymous, true);
  });

  it('skips a fronted date and keeps a source with its place (alyaum 4081830)', () => {
    const q = one(
      'والسبت، هاجم المسلحون مدينة غامبورو إلى الشمال، على حدود الكاميرون، فأحرقوا منازل عديدة بحسب شهود في القرى المجاورة.',
    );
    assert.ok(q.text.startsWith('هاجم المسلحون'));
    assert.ok(q.text.endsWith('منازل عديدة'));
  });

  it('reads كما يقول X after a quotation (aawsat 326891)', () => {
    const q = one(
      'و«مثل هذا الانشراح لم يحدث منذ شهور طويلة»، كما يقول الضابط عبد السلام، وهو يشارك المهنئين في عُرس المستشار عيسى.',
    );
    assert.equal(q.cue?.text, 'كما يقول');
    assert.match(q.speaker?.text ?? '', /عبد السلام/);
  });

  it('leaves على حد قوله out of the report it closes (aawsat 410636)', () => {
    const found = quotes(
      'وقال في تغريدته بأنه سيقوم بنشر الفيديو والرسوم على موقع «يوتيوب»، متهمًا التلفزيون الهولندي بارتكاب «عمل تخريبي» استهدف تقرير حزبه وأنه رفض البث مع أنه سبق للحزب تلقي تأكيدات قبل ذلك بأن التقرير سيذاع في الموعد المتفق عليه «لكن هذا لم يحدث ودون ذكر أسباب» على حد قوله.',
    );
    assert.equal(found.length, 1);
    assert.ok(found[0]!.text.endsWith('ودون ذكر أسباب»'));
  });

  it('skips ردا على هذا السؤال between the cue and its clause (aawsat 413351)', () => {
    const q = one(
      'قال روبان ردا على هذا السؤال إن «منطقة اليورو نظمت نفسها بشكل أفضل، كما أن البلدان في أوضاع مختلفة».',
    );
    assert.equal(q.speaker?.text, 'روبان');
    assert.ok(q.text.startsWith('إن «منطقة'));
  });

  it('refuses وفقا لـ + a thing that says nothing (alwatan 271)', () => {
    const found = quotes('واحترام التنوع الثقافي للأمم الأخرى مكفول وفقا للنظام "القانون".');
    assert.equal(found.length, 0);
  });
});

describe('calls, spans and false quotes', () => {
  it('reads a call whose object carries quoted words, then the next report (aawsat 413106)', () => {
    const found = quotes(
      'ودعت رئيسة مفوضية الاتحاد الأفريقي نكوسازانا دلاميني زوما في البيان «جميع الفاعلين البورونديين» إلى «التعاون بشكل كامل مع فريق المراقبين»، وأوضحت أن «الحوار والتفاهم» وحدهما يسمحان بحل الأزمة.',
    );
    assert.equal(found.length, 2);
    assert.equal(found[0]!.form, 'mixed');
    assert.ok(found[0]!.text.startsWith('«جميع الفاعلين'));
    assert.ok(found[1]!.text.startsWith('أن'));
  });

  it('gives a sentence with two cues two quotes (aawsat 411311)', () => {
    const found = quotes(
      'يقول ناشطون وبينهم الداراني إن التنظيم موجود في الغوطة، يقول محمد علوش إن عددهم قليل.',
    );
    assert.deepEqual(
      found.map((q) => q.text),
      ['إن التنظيم موجود في الغوطة', 'إن عددهم قليل'],
    );
  });

  it('ends a report at ، ولكنه أضاف and gives the next cue its own quote (alweeam 348968)', () => {
    const found = quotes(
      'وأشار إلى أنه لن يكون هناك تعليق على عمليات الطائرات بدون طيار ، ولكنه أضاف أن بإمكانه أن يؤكد أن الطائرات العسكرية التابعة لدول حلف شمال الأطلسي (ناتو) الأخرى ستكون قادرة على استخدام القاعدة.',
    );
    assert.equal(found.length, 2);
    assert.equal(found[0]!.text, 'أنه لن يكون هناك تعليق على عمليات الطائرات بدون طيار');
  });

  it('gives a coordinated cue with a verbal noun the subject just named (alyaum 4081830)', () => {
    const found = quotes(
      'وفي وقت سابق من هذا الأسبوع، أعلن الجيش النيجيري أنه حرر 30 رهينة بينهم 21 طفلا وسبع نساء قرب ديكوا (90 كلم شرق مايدوغوري)، ثم أعلن تحرير 59 رهينة بينهم 29 امرأة و25 طفلا في عملية أخرى.',
    );
    assert.equal(found.length, 2);
    assert.ok(found[1]!.text.startsWith('تحرير 59 رهينة'));
    assert.equal(found[1]!.speaker?.entityId, found[0]!.speaker?.entityId);
  });

  it('splits قال إن … وأشار إلى أن … into two reports, without a comma (3alyoum: the UAE and Mogherini; Kerry to Congress)', () => {
    const gargash = quotes(
      'وقال أنور قرقاش وزير الدولة الإماراتي للشؤون الخارجية إن موجيريني لم تدرك الانقسامات التي تثيرها السياسة الإيرانية وأشار إلى أن إشادتها بمسؤولين إيرانيين فاوضوها لم تكن في محلها.',
    );
    assert.deepEqual(
      gargash.map((q) => q.text),
      [
        'إن موجيريني لم تدرك الانقسامات التي تثيرها السياسة الإيرانية',
        'أن إشادتها بمسؤولين إيرانيين فاوضوها لم تكن في محلها',
      ],
    );
    const kerry = quotes(
      'قال وزير الخارجية الأمريكي جون كيري للكونجرس اليوم الثلاثاء إنه يريد أن يوضح الصورة فيما يتعلق باتفاق إيران النووي وأضاف أن الانسحاب منه سيتيح لإيران الفرصة لإحراز تقدم سريع نحو امتلاك سلاح نووي.',
    );
    assert.equal(kerry.length, 2);
    assert.equal(kerry[1]!.speaker?.text, 'جون كيري');
  });

  it('skips a channel between the cue and the content (aleqtisadiya 975153, aawsat 413881)', () => {
    const q = one(
      'وقال الرائد علي عجمي مدير إعلام شرطة المحافظة، في تصريح صحافي، إن الأجهزة الأمنية عثرت أمس على طائرة استطلاع أمريكية مسيرة.',
    );
    assert.ok(q.text.startsWith('إن الأجهزة'));
    const r = one(
      'وقال المتحدث سعد الحديثي، في تصريح لـ«الشرق الأوسط»، إن «موقف الحكومة العراقية لم يتغير حيال طبيعة العلاقات التي تربطها مع دول العالم».',
    );
    assert.ok(r.text.startsWith('إن «موقف'));
  });

  it('refuses أعرب عن أمله في، أعلنت مسؤوليتها and التي قيل إنها (aawsat 411291, 409886, 422151)', () => {
    assert.equal(
      quotes(
        'أعرب وزير الخارجية الألماني عن أمله في أن يستخدم الاتفاق النووي الإيراني مثالا لإمكانية نزع فتيل الأزمة السورية.',
      ).length,
      0,
    );
    const claimed = one(
      'وكانت حركة الشباب أعلنت مسؤوليتها عن المجزرة، وقالت إنها هاجمت المركز التجاري ردا على التدخل العسكري لكينيا في الصومال.',
    );
    assert.ok(claimed.text.startsWith('إنها هاجمت'));
    assert.equal(
      quotes(
        'قرر اعتبار الدعوة الشفهية المنقولة له عبر الشركة المنظمة للاحتفالية، والتي قيل إنها بتكليف من مكتب الرئاسة، شائعة ليس لها أساس من الصحة.',
      ).length,
      0,
    );
  });
});

describe('speakers', () => {
  it('keeps an unnamed source as such (aawsat 423376)', () => {
    const q = one(
      'وقال مسؤول أميركي رفيع، إن الولايات المتحدة تعتقد بأن غالبية الأموال التي ستحصل عليها إيران جراء الاتفاق ستذهب إلى اقتصادها.',
    );
    assert.equal(q.speaker?.anonymous, true);
    assert.equal(q.speaker?.text, 'مسؤول أميركي رفيع');
  });

  it('reads the agreement a cue shows', () => {
    const agreement = (word: string) => agreementOf(tokenize(word)[0]!);
    assert.deepEqual(agreement('وقالت'), { person: 3, gender: 'f', number: 'singular', passive: false });
    assert.equal(agreement('قالوا')?.number, 'plural');
    assert.equal(agreement('يقولان')?.number, 'dual');
    assert.equal(agreement('نقول')?.person, 1);
    assert.equal(agreement('مؤكدة')?.gender, 'f');
    assert.equal(agreement('قيل')?.passive, true);
  });

  it('gives a feminine verb after a man its own subject, not the man (aljazirah 20150723/du5)', () => {
    const found = quotes(
      'وقال المسؤول الطبي عبد الغني هشي إنه تم نقل 18 شخصا إلى المستشفى مصابين بطلقات نارية، وحالة عدد منهم حرجة. إلا أن بعثة الاتحاد الإفريقي في الصومال «نفت بشدة» مزاعم قتل مدنيين، وأوضحت أن قواتها اكتشفت مركز تدريب تابع لحركة الشباب الأصولية المتشددة في المنطقة.',
    );
    const explained = found.find((q) => q.cue?.text === 'وأوضحت');
    assert.ok(explained !== undefined);
    assert.doesNotMatch(explained.speaker?.text ?? '', /هشي|بشدة/);
  });

  it('gives a statement in construct with its issuer to the issuer, the statement as channel (aawsat 419791)', () => {
    const q = one(
      'ولفت بيان المنظمات إلى أن البرلمان أضاف تعديلات تحسن بعض الضمانات في القانون، منها تعديل يعزز حق الصحافيين في عدم الكشف عن مصادرهم.',
    );
    assert.equal(q.speaker?.text, 'المنظمات');
    assert.equal(q.channel?.text, 'بيان');
  });

  it('drops "the aforementioned" from a speaker (aawsat 419791)', () => {
    const q = one(
      'وأوضحت النقابات الأمنية المذكورة أنها قررت ارتداء الشارة الحمراء يومي الاثنين والثلاثاء المقبلين.',
    );
    assert.equal(q.speaker?.text, 'النقابات الأمنية');
  });

  it("keeps a place after a title with ل as the title's complement, not the speaker (sabq svDgde)", () => {
    const [q, next] = quotes(
      'وأضاف المبعوث الأممي لليمن: لدي أفكار لحل الأزمة اليمنية أستنتجها من الاستماع، مشيراً إلى أن الاستماع والتواضع من أهم خصائص الوسيط الدولي لكي ينجح في مساعي المصالحة.',
    );
    assert.equal(q!.speaker?.entityId, undefined);
    assert.equal(q!.speaker?.text, 'المبعوث الأممي لليمن');
    assert.equal(next?.speaker?.text, 'المبعوث الأممي لليمن', "the participle shares its verb's subject");
  });

  it("reads a dual verb's object as its content, its subject the pair named before (alyaum 4079897)", () => {
    const found = quotes(
      'وأشارت الحركتان إلى أن الاحتلال قتل المواطن أبو ماريا (52 عامًا) بدم بارد بعد إطلاق النار على صدره بشكل مباشر أثناء اقتحام منزله. وأكدتا حق الشعب الفلسطيني في الدفاع عن نفسه، والرد على جرائم الاحتلال بكل السبل الممكنة والمتاحة.',
    );
    assert.equal(found.length, 2);
    assert.ok(found[1]!.text.startsWith('حق الشعب الفلسطيني'));
    assert.equal(found[1]!.speaker?.text, 'الحركتان');
  });

  it('reads أكدت + a verbal noun after a feminine subject pronoun (aawsat 419791)', () => {
    const found = quotes(
      'كما أكدت النقابات الأمنية على شرعية المطالب المطروحة لدى سلطة الإشراف منذ سنة 2013. كما أكدت تنظيم وقفات احتجاجية رمزية جهوية أمام الولايات (مباني المحافظات) ومركزية أمام وزارة الداخلية بمشاركة ممثلي النقابات دون سواهم.',
    );
    assert.equal(found.length, 2);
    assert.ok(found[0]!.text.startsWith('على شرعية المطالب'));
    assert.ok(found[1]!.text.startsWith('تنظيم وقفات'));
    assert.equal(found[1]!.speaker?.text, 'النقابات الأمنية');
  });

  it('gives an impersonal قيل إن no speaker, never the previous one (aawsat 419791)', () => {
    const found = quotes(
      'وأكدت المصادر أن الأمر يتعلق بمهربين. في غضون ذلك، كشفت مصادر أمنية مطلعة عن «حقيقة» قائمة «رجال الأعمال» التي قيل إن السلطات الجزائرية أمدت بها نظيرتها التونسية على خلفية تورطهم في «تمويل» جماعات إرهابية.',
    );
    const said = found.find((q) => q.cue?.text === 'قيل');
    assert.ok(said !== undefined);
    assert.equal(said.speaker, undefined);
  });

  it("ends a report before the writer's gloss ، وهي … (alyaum 4081830)", () => {
    const q = one(
      'ولا يعرف ما اذا كانت الحرائق أوقعت ضحايا لكن باباكالي أكد أنه "لم يعد هناك سكان" في غامبورو، وهي مدينة سيطرت عليها بوكو حرام.',
    );
    assert.equal(q.text, 'أنه "لم يعد هناك سكان" في غامبورو');
  });

  it('keeps unnamed sources as such, with their description (aawsat 409196, 410596)', () => {
    const witnesses = one(
      'وأكد شهود عيان لـ«الشرق الأوسط»، أمس، أن طيران التحالف نفذ سلسلة من الغارات الجوية على القاعدة العسكرية.',
    );
    assert.equal(witnesses.speaker?.text, 'شهود عيان');
    assert.equal(witnesses.speaker?.anonymous, true);
    const friends = one(
      'وقال أصدقاء له إن الاعتقال كان «سبب حرج كبير له»، خاصة لأنه «كان يصور نفسه بأنه مسلم متدين».',
    );
    assert.equal(friends.speaker?.anonymous, true);
  });

  it('takes the name given after a description with هو as the speaker (issue 19, held-out example)', () => {
    // The name as the entity layer would mark it: the apposition is the quote finder's part.
    const text = 'وقال زميل آخر له، هو آري بلف، إن الرجل كان هادئا.';
    const tokens = tokenize(text);
    const start = text.indexOf('آري بلف');
    const mention = {
      kind: 'mention' as const,
      start,
      end: start + 'آري بلف'.length,
      text: 'آري بلف',
      type: 'PER' as const,
      entityId: 'doc:e1',
      via: 'model' as const,
    };
    const [q] = findQuotes({ text, tokens, sentences: splitSentences(text, tokens), mentions: [mention] });
    assert.equal(q?.speaker?.text, 'آري بلف');
    assert.equal(q?.text, 'إن الرجل كان هادئا');
  });
});

// Issue 19's audit: a real sentence for each bullet of "What the held-out misses" that the tests above left out.
describe('the held-out classes, one real sentence each', () => {
  it('reads نوّه بأن with its subject (aljazirah du7)', () => {
    const [q] = quotes(
      'ونوه العريبى بأن معالجة مشكلة الهجرة غير الشرعية ينبغى أن يكون من المصدر لا من نقطة العبور، مبينا أن الدولة الليبية لديها العديد من الاتفاقيات الثنائية مع الاتحاد الأوروبي وإيطاليا.',
    );
    assert.equal(q?.cue?.text, 'ونوه');
    assert.ok(q?.text.startsWith('بأن معالجة'));
    assert.ok(q?.text.endsWith('نقطة العبور'));
  });

  it('reads a source after the content: حسبما أفاد، بحسب ما قاله (aawsat تامبورا, alweeam)', () => {
    const wood = one(
      'وقد اندلعت أعمال الشغب بمختلف أرجاء أوروبا عندما عجز الناس عن العثور على طعام كاف بعد اندلاع ثورة تامبورا، حسبما أفاد وود، المؤرخ البيئي.',
    );
    assert.equal(wood.speaker?.text, 'وود');
    assert.ok(wood.text.endsWith('ثورة تامبورا'));
    const bank = one(
      'وأبقى البنك المركزي الأوروبي على تمويل طارئ للبنوك اليونانية للحيلولة دون انهيارها هذا الأسبوع بحسب ما قاله مصدر بنكي.',
    );
    assert.equal(bank.speaker?.text, 'مصدر بنكي');
    assert.equal(bank.speaker?.anonymous, true);
  });

  it('gives وفق ما نقلت X عن Y to Y, X the relay (aawsat تينيسي)', () => {
    const q = one(
      'وكان محمد عبد العزيز يقيم في إحدى الضواحي الهادئة في مدينة تشاتانوغا، التي تضم نحو 165 ألف نسمة في ولاية تينيسي، إلا أنه أمضى «نحو سبعة أشهر خلال العام الماضي» في الأردن، وفق ما نقلت صحيفة «نيويورك تايمز»، مساء أول من أمس، عن مسؤول رفيع المستوى في الاستخبارات.',
    );
    assert.match(q.speaker?.text ?? '', /^مسؤول رفيع المستوى/);
    assert.equal(q.speaker?.anonymous, true);
    assert.match(q.relay?.text ?? '', /نيويورك تايمز/);
  });

  it('reads a demand with بأن and a call with على «…», its subject not its object (aawsat لندن, aljazirah ar5)', () => {
    const demand = one(
      'وتطالب الجمعية بأن تلتزم سيارات الركاب التي تعمل بمحركات بترولية بأحدث معيار لنظافة العادم، وهو معيار «يورو 6».',
    );
    assert.equal(demand.text, 'بأن تلتزم سيارات الركاب التي تعمل بمحركات بترولية بأحدث معيار لنظافة العادم');
    const urged = one(
      'حثت السعودية إيرن على «أن تستغل مواردها في خدمة تنميتها الداخلية وتحسين أوضاع الشعب الإيراني، عوضًا عن استخدامها في إثارة الاضطرابات والقلاقل في المنطقة».',
    );
    assert.equal(urged.form, 'mixed');
    assert.equal(urged.speaker?.text, 'السعودية');
  });

  it('skips a press conference, its place and its time before the content (alwatan 230090, alyaum 4081104)', () => {
    const ankara = quotes(
      'وقال رئيس الوزراء التركي أحمد داود أوغلو في مؤتمر صحفي بأنقرة، إن العملية التي تشنها تركيا ضد تنظيم داعش وحزب العمال الكردستاني، ليست مؤقتة بل متواصلة "مادام هناك تهديد لتركيا"، مشيرا إلى اعتقال 590 من عناصر الطرفين.',
    )[0]!;
    assert.ok(ankara.text.startsWith('إن العملية'));
    assert.equal(ankara.speaker?.text, 'أحمد داود أوغلو');
    assert.equal(ankara.channel?.text, 'في مؤتمر');
    const [envoy] = quotes(
      'وقال المبعوث الأممي في مؤتمر صحفي مشترك أمس مع العربي، إن هناك تطابقا في وجهات النظر في أن الحل السياسي هو الحل الوحيد للأزمة اليمنية، مشيرا إلى أنه لا يوجد حل لهذه الازمة إلا الحل السياسي.',
    );
    assert.ok(envoy?.text.startsWith('إن هناك تطابقا'));
    assert.equal(envoy?.speaker?.text, 'المبعوث الأممي');
  });

  it('takes the name in apposition after a description, or before it (alyaum 4080244, aawsat ليبيا-سوق-مفتوحة)', () => {
    const seller = one(
      'وأكد أحد اصحاب محال الخضار، أحمد العلي، أن سعر التين هذا العام لم يشهده السوق من قبل، كما أن كمية انتاجه هذا العام أقل من الاعوام السابقة.',
    );
    assert.equal(seller.speaker?.text, 'أحمد العلي');
    const officer = quotes(
      'ويقول حمد عيسى، هو ضابط ليبي سابق، لـ«الشرق الأوسط» إن السلاح المنتشر في البلاد «عدده مهول»، مشيرا إلى أن ما يثبت ضخامة الأسلحة التي تملكها الميليشيات هو عدم قدرة الجيش طوال أكثر من 8 أشهر على كسر شوكة المتطرفين.',
    );
    assert.equal(officer[0]?.speaker?.text, 'حمد عيسى');
  });

  it('reads the answer, not the question, after سئل إن (aawsat موجز-أخبار)', () => {
    const q = one(
      'وعندما سئل إن كان سعي الصين لتوسيع نفوذها العسكري له صلة بمشاريع القوانين، فأجاب أن الأجواء الأمنية تتدهور.',
    );
    assert.equal(q.text, 'أن الأجواء الأمنية تتدهور');
  });

  it('takes no pronoun after a preposition as a speaker (almadina كيري-تصريحات-خامنئي)', () => {
    const found = quotes(
      'وعند سؤاله حول تصريحات المرشد الأعلى لإيران، آية الله علي خامنئي الأخيرة والتي أكد فيها أن إيران ستبقى في حالة حرب مع أمريكا، أجاب كيري: "لا أعرف كيف أقرأ هذه التصريحات في هذه الفترة بالتحديد سوى أن آخذها كما هي، أي أن هذه هي سياسته.',
    );
    for (const q of found) assert.notEqual(q.speaker?.text, 'فيها');
    assert.equal(found.at(-1)?.speaker?.text, 'كيري');
  });

  it('ends a report at a participle cue after a semicolon (okaz Con20150720784572)', () => {
    const found = quotes(
      'ونشرت «عكاظ» الثلاثاء الماضي تصريح قسم خدمات الأعمال بوزارة التجارة عند سؤالهم عن تبعات إلغاء السجل التجاري للأفراد والذين أجابوا أن الهدف منه تحفيز أصحاب السجلات على سرعة تجديد سجلاتهم المنتهية؛ منوهين بأن المرجع الرئيسي في جميع القرارات الخاصة بالوزارة ما يتم ذكره في الأنظمة واللوائح المنشورة عبر الموقع الرسمي للوزارة.',
    );
    assert.deepEqual(
      found.map((q) => q.text.slice(0, 12)),
      ['أن الهدف منه', 'بأن المرجع ا'],
    );
  });

  it('reads what someone wrote, كتب أنه (aawsat «إرهابي-تينيسي»)', () => {
    const q = one(
      'وكتب عبد العزيز على مدونة الاثنين أنه «لا يجدر أن يفوت المسلمون فرصة الخضوع لله»، وفق ما نقل موقع «سايت» المختص بالمجموعات المتطرفة.',
    );
    assert.equal(q.text, 'أنه «لا يجدر أن يفوت المسلمون فرصة الخضوع لله»');
    assert.equal(q.speaker?.text, 'عبد العزيز');
  });
});
