import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from '../../text/tokenize.ts';
import { defaultRegistry } from '../entities/registry/index.ts';
import {
  type AgentLexiconFile,
  createAgentLexicon,
  defaultAgentLexicon,
  findAgentMentions,
} from './agents.ts';

// Real sentences from SaudiNewsNet (../shared/corpus/saudinewsnet/articles.jsonl.gz, line numbers given), copied here.
const registry = defaultRegistry();
const demonymOf = (words: string): string | undefined => registry.demonyms.get(words);

/** Each mention as "text CODE [COUNTRY] [pl]"; the text is checked against the sentence's own span. */
function agents(text: string, lexicon = defaultAgentLexicon()): string[] {
  return findAgentMentions(tokenize(text), lexicon, demonymOf, registry.maxDemonymWords).map((m) => {
    assert.equal(text.slice(m.start, m.end), m.text);
    return `${m.text} ${m.fullAgent}${m.country ? ` ${m.country}` : ''}${m.plural ? ' pl' : ''}`;
  });
}

describe('agents named by role', () => {
  it('a demonym after the police sets the country; unknown gunmen are one plural phrase (line 30974)', () => {
    assert.deepEqual(
      agents(
        'أنتشلت الشرطة الباكستانية اليوم سبعة جثث في إقليم بلوشستان تعود لأشخاص تم اعدامهم رميا بالرصاص على يد مسلحين مجهولين.',
      ),
      ['الشرطة الباكستانية COP PAK', 'أشخاص CVL pl', 'مسلحين مجهولين UAF pl'],
    );
  });

  it('the longest phrase wins: قوات الأمن, not قوات; a bare الجيش has no country (line 565)', () => {
    assert.deepEqual(
      agents(
        'داهمت قوات الأمن الباكستانية مقر حزب سياسي قوي في مدينة كراتشي، واعتقلت اثنين من أعضائه أمس في علامة على تفاقم التوترات بين الجيش والساسة الذين يسيطرون على أكبر وأغنى مدن البلاد.',
      ),
      ['قوات الأمن الباكستانية COP PAK pl', 'حزب سياسي PTY', 'الجيش MIL'],
    );
  });

  it('a two-word demonym: الكوري الجنوبي, الكورية الجنوبية; the dual جنديين (lines 27886, 8598)', () => {
    assert.deepEqual(
      agents(
        'هدد الجيش الكوري الجنوبي ، اليوم ، بالرد على كوريا الشمالية ، بعد اتهامه "بيونجيانج" بزرع ألغام أرضية داخل المنطقة الحدودية المنزوعة السلاح ، ما أدى إلى إصابة جنديين الأسبوع الماضي.',
      ),
      ['الجيش الكوري الجنوبي MIL KOR', 'جنديين MIL pl'],
    );
    assert.deepEqual(
      agents(
        'أعلنت الشرطة الكورية الجنوبية أمس أنها اعتقلت رجلا هدد بقتل السفير الأميركي في سيول مارك ليبرت.',
      ),
      ['الشرطة الكورية الجنوبية COP KOR', 'السفير الأميركي GOV USA'],
    );
  });

  it('the span leaves out the conjunction: ووحدات الجيش اليمني starts at وحدات (line 54)', () => {
    const text =
      'ويخوض المقاتلون المحليون ووحدات الجيش اليمني كذلك معارك ضد الحوثيين وقوات صالح حول قواعد عسكرية مهمة في محافظة لحج.';
    assert.deepEqual(agents(text), ['المقاتلون UAF pl', 'وحدات الجيش اليمني MIL YEM pl', 'قوات MIL pl']);
    const [, units] = findAgentMentions(
      tokenize(text),
      defaultAgentLexicon(),
      demonymOf,
      registry.maxDemonymWords,
    );
    assert.equal(units?.start, text.indexOf('ووحدات') + 1);
  });

  it('the span leaves out a preposition and keeps the article: للمسلحين → لمسلحين, للشرطة → لشرطة (lines 467, 138)', () => {
    assert.deepEqual(
      agents(
        'وأكد المصدر أن «المقاومة الشعبية وقوات الجيش الوطني تمكنت من السيطرة على مواقع جديدة للمسلحين الحوثيين أبرزها تبة الكشار».',
      ),
      // المقاومة (with the article) is the armed resistance, an agent of its own.
      ['المقاومة REB', 'قوات الجيش MIL pl', 'لمسلحين UAF pl'],
    );
    assert.deepEqual(
      agents(
        'وأعلنت أمس الشرطة الكينية أن مقاتلين يشتبه بأنهم ينتمون إلى حركة الشباب قتلوا خمسة أشخاص في هجوم على آلية للشرطة شمال الساحل الكيني.',
      ),
      ['الشرطة الكينية COP KEN', 'مقاتلين UAF pl', 'أشخاص CVL pl', 'لشرطة COP'],
    );
  });

  it('sound plural forms: the construct مسلحو, the genitive الشرطيين, مستوطنون (lines 136, 7073, 3218)', () => {
    assert.deepEqual(
      agents(
        'وقال النائب محمد ساندو: «لقد أقام مسلحو بوكو حرام حاجزًا، أمس، على الطريق السريع، وهاجموا السائقين، وقتلوا أكثر من 20 شخصًا».',
      ),
      ['مسلحو UAF pl', 'شخصًا CVL'],
    );
    assert.deepEqual(
      agents(
        'وذكرت مصادر لوكالة «الأناضول» أن الشرطيين «تانسو آيدن»، و«علي كارهان» تعرضا لإطلاق نار من قبل مسلحين مجهولين.',
      ),
      ['الشرطيين COP pl', 'مسلحين مجهولين UAF pl'],
    );
    assert.deepEqual(
      agents(
        'من جهة أخرى، اقتحم مستوطنون يهود، أمس، المسجد الأقصى المبارك من باب المغاربة، فيما تصدى المصلون لهذه الاقتحامات الاستفزازية بهتافات التكبير.',
      ),
      ['مستوطنون CVL pl', 'المصلون REL pl'],
    );
  });

  it('a plural nationality adjective is read as its singular: معارضون سوريون → SYR (line 19)', () => {
    assert.deepEqual(
      agents(
        'وذكر معارضون سوريون أن المدنيين الذين قتلوا نتيجة قصف القوات الحكومية خلال رمضان بلغوا 1452 سوريًا.',
      ),
      ['معارضون سوريون OPP SYR pl', 'المدنيين CVL pl', 'القوات الحكومية MIL pl'],
    );
  });

  it('possessive pronouns, with ة → ت: حكومته، حكومتها، جيشها، قواته (lines 6, 52, 288)', () => {
    assert.deepEqual(
      agents(
        'وكشف ياسين لـ«الشرق الأوسط» عن توجه حكومته لمحاسبة عدد من المسؤولين اليمنيين بعد محاولتهم التواطؤ مع المتمردين.',
      ),
      ['حكومته GOV', 'المسؤولين اليمنيين GOV YEM pl', 'المتمردين REB pl'],
    );
    assert.deepEqual(agents('وشددت الدولة سواء عبر رئيسها أو حكومتها أو جيشها على ضرورة الالتزام المهني.'), [
      'حكومتها GOV',
      'جيشها MIL',
    ]);
    assert.deepEqual(
      agents(
        'رفض دروز السويداء الدفع بتعزيزات لمؤازرة قوات النظام، وهو ما دفع النظام لسحب قواته باتجاه السويداء.',
      ),
      ['قوات النظام MIL pl', 'قواته MIL pl'],
    );
  });

  it('a victim count: 43 مدنيا is civilians; الميليشيات is a militia (line 6)', () => {
    assert.deepEqual(
      agents(
        'ارتكبت الميليشيات الحوثية مجزرة في مدينة عدن، جنوب اليمن، مما أدى إلى مقتل 43 مدنيا على الأقل وإصابة 173.',
      ),
      ['الميليشيات UAF pl', 'مدنيا CVL'],
    );
  });

  it('clitics on a plural and a construct pair: رجال أمن ومواطنين، ستة إرهابيين (line 71)', () => {
    assert.deepEqual(
      agents('وأصيب نحو 120 أيضًا ما بين رجال أمن ومواطنين، فيما قتل في هذه العمليات ستة إرهابيين.'),
      ['رجال أمن COP pl', 'مواطنين CVL pl', 'إرهابيين UAF pl'],
    );
  });

  it('police, protesters and civilians in one sentence (line 133)', () => {
    assert.deepEqual(
      agents(
        'وبعدما تصاعد منسوب التوتر، فتح رجال الشرطة المكلفين بأمن الاجتماع النار على المتظاهرين، مما أسفر عن إصابة مدنيين تم نقلهما إلى المستشفى، بحسب شهود.',
      ),
      ['رجال الشرطة COP pl', 'المتظاهرين OPP pl', 'مدنيين CVL pl'],
    );
  });

  it('PETRARCH phrases keep their full code: وزارة الدفاع الهندية → GOVMIL (line 120)', () => {
    assert.deepEqual(
      agents(
        'وقال المتحدث باسم وزارة الدفاع الهندية اللفتنانت كولونيل مانيش ميهتا: «بدأ الجيش الباكستاني القصف وإطلاق النار على قرى أمامية».',
      ),
      ['وزارة الدفاع الهندية GOVMIL IND', 'الجيش الباكستاني MIL PAK'],
    );
  });

  it('occupation forces with the masculine adjective of the construct (line 5901)', () => {
    assert.deepEqual(agents('قتلت قوات الاحتلال الإسرائيلي فجر أمس محمد علاونة "21 عاما".'), [
      'قوات الاحتلال الإسرائيلي MIL ISR pl',
    ]);
  });

  it('الحكومة alone is the government, without a country (line 5090)', () => {
    assert.deepEqual(agents('وقالت الحكومة إنها تتابع ما يجري من اقتتال بقلق شديد.'), ['الحكومة GOV']);
  });

  it('a teacher and unknown gunmen (line 26431)', () => {
    assert.deepEqual(
      agents(
        'ولقي مدرس وزوجته مصرعهما بنيران مسلحين مجهولين في منطقة الجعارة التابعة لقضاء المدائن جنوبي العاصمة.',
      ),
      ['مدرس EDU', 'مسلحين مجهولين UAF pl'],
    );
  });
});

describe('agents: what is not one', () => {
  it('طالب الحكومة بـ is the verb "demanded", not a student (line 222)', () => {
    assert.deepEqual(agents('وطالب الحكومة الباكستانية بالتدخل العاجل لوقف هذه العملية.'), [
      'الحكومة الباكستانية GOV PAK',
    ]);
  });

  it('الأمن الغذائي is food security, not security forces (line 124)', () => {
    assert.deepEqual(
      agents('ومن خدماتها استخدام التقنيات النووية في الأغذية والزراعة والإسهام في الأمن الغذائي.'),
      [],
    );
  });

  it('القضاء على is "eliminating", with or without a clitic; the judiciary is still found (lines 86, 136)', () => {
    assert.deepEqual(
      agents(
        'قال رئيس الوزراء البريطاني ديفيد كاميرون إنه يريد أن تبذل بريطانيا المزيد لمساعدة الولايات المتحدة في القضاء على تنظيم "داعش" في سوريا.',
      ),
      ['رئيس الوزراء البريطاني GOV GBR'],
    );
    assert.deepEqual(
      agents(
        'وتسلط هذه الهجمات الضوء على التهديد الذي لا يزال يمثله المتشددون، رغم تعهدات السلطات بالقضاء على تمرد بوكو حرام.',
      ),
      ['المتشددون INS pl', 'السلطات GOV pl'],
    );
    // Constructed: the judiciary itself.
    assert.deepEqual(agents('وأحال القضاء الملف إلى المحكمة.'), ['القضاء JUD', 'المحكمة JUD']);
  });

  it('a named armed group is left to the actor registry: الجيش السوري الحر is not the Syrian army (line 233)', () => {
    assert.deepEqual(agents('بحسب روايات من ضباط في الجيش السوري الحر، الذي يقاتل نظام بشار الأسد.'), [
      'ضباط MIL pl',
    ]);
  });

  it('the adjective مسلح is no gunman (line 10674)', () => {
    assert.deepEqual(
      agents(
        'في محافظة المحويت وفي حادثة غير مسبوقة، نفذ مسلحون مجهولون هجوما مسلح على نقطة تابعة لميليشيات الحوثي بمديرية الخبت.',
      ),
      ['مسلحون مجهولون UAF pl', 'ميليشيات UAF pl'],
    );
  });

  // Constructed sentences below: each isolates one rule.
  it('مؤتمر صحفي is no journalist; النظام needs a nationality', () => {
    assert.deepEqual(agents('وقال في مؤتمر صحفي إن النظام الأساسي يسمح بذلك، وإن النظام السوري رفض.'), [
      'النظام السوري GOV SYR',
    ]);
  });

  it('a demonym must agree in definiteness: الجيش عراقيين is "the army … Iraqis"', () => {
    assert.deepEqual(agents('اعتقل الجيش عراقيين'), ['الجيش MIL']);
  });
});

describe('agents: compiling a lexicon file', () => {
  const file: AgentLexiconFile = {
    generatedBy: 'test',
    sources: [],
    notAgents: [],
    agents: [
      { agent: 'REB', fullAgent: 'REB', singular: ['متمرد'], plural: [], sound: true, origin: 'rasd' },
      {
        agent: 'GOV',
        fullAgent: 'GOV',
        singular: ['وزاره'],
        plural: [],
        possessive: true,
        definite: true,
        origin: 'rasd',
      },
    ],
  };
  const lexicon = createAgentLexicon(file);

  it('generates the sound endings of a flagged singular, dual included', () => {
    assert.deepEqual(agents('المتمردون ومتمردين ومتمردو ومتمردي ومتمردان', lexicon), [
      'المتمردون REB pl',
      'متمردين REB pl',
      'متمردو REB pl',
      'متمردي REB pl',
      'متمردان REB pl',
    ]);
  });

  it('a definite-only word needs the article, its possessed form does not take one', () => {
    assert.deepEqual(agents('الوزارة ووزارة ووزارته', lexicon), ['الوزارة GOV', 'وزارته GOV']);
  });
});
