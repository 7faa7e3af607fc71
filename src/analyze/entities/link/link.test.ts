import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { EntityType } from '../../../core/annotations.ts';
import { splitSentences } from '../../../text/sentences.ts';
import { tokenize } from '../../../text/tokenize.ts';
import { defaultRegistry } from '../registry/registry.ts';
import { linkEntities } from './link.ts';
import type { LinkResult, ModelMention } from './types.ts';

const sentences = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/entities/sentences.json', import.meta.url), 'utf8'),
) as Record<string, string>;

/**
 * Links a text; `model` lists hand-made model names as [surface text, type, occurrence] (the first
 * occurrence unless a later one is given, counted from 0).
 */
function link(text: string, model: readonly (readonly [string, EntityType, number?])[] = []): LinkResult {
  const tokens = tokenize(text);
  const modelMentions: ModelMention[] = model.map(([surface, type, occurrence = 0]) => {
    let start = text.indexOf(surface);
    for (let n = 0; n < occurrence; n++) start = text.indexOf(surface, start + 1);
    const end = start + surface.length;
    const tokenStart = tokens.findIndex((t) => t.end > start);
    const tokenEnd = tokens.findIndex((t) => t.start >= end);
    return {
      start,
      end,
      type,
      tokenStart,
      tokenEnd: tokenEnd < 0 ? tokens.length : tokenEnd,
      confidence: 0.9,
    };
  });
  return linkEntities(defaultRegistry(), {
    text,
    tokens,
    sentences: splitSentences(text, tokens),
    modelMentions,
  });
}

function mentionsOf(result: LinkResult, entityId: string): string[] {
  return result.mentions.filter((m) => m.entityId === entityId).map((m) => m.text);
}

describe('entity linking', () => {
  it('links a clitic short form to the full name mentioned earlier (لكيم → Kim Jong Un)', () => {
    const text = `${sentences['seed-visit']}\n${sentences['seed-putin-meeting']}`;
    const result = link(text, [['كيم', 'PER']]);
    const kim = mentionsOf(result, 'actor:kim-jong-un');
    assert.ok(kim.includes('كيم جونغ أون'));
    const clitic = result.mentions.find((m) => text.slice(m.start - 1, m.end) === 'لكيم');
    assert.equal(clitic?.entityId, 'actor:kim-jong-un');
    assert.equal(clitic?.via, 'coreference');
  });

  it('keeps Kim Jong Un and Kim Jong Il apart; a later كيم goes to the more salient one', () => {
    const text = `${sentences['seed-visit']}\nإذ التقى كيم جونغ إيل في بيونغ يانغ في يوليو 2000.\n${sentences['seed-kishida']}`;
    const result = link(text);
    assert.deepEqual(mentionsOf(result, 'actor:kim-jong-il'), ['كيم جونغ إيل']);
    assert.ok(mentionsOf(result, 'actor:kim-jong-un').filter((t) => t === 'كيم').length >= 2);
  });

  it('links a short form to a full name in the same sentence first', () => {
    const result = link('التقى كيم جونغ أون أمس. وفي عام 2000 التقى بوتين كيم جونغ إيل ثم ودع كيم ضيوفه.');
    assert.equal(result.mentions.at(-1)?.entityId, 'actor:kim-jong-il');
  });

  it('links capitals used for their country (موسكو → Russia, سيول → South Korea)', () => {
    const result = link(sentences['seed-park-jin']!);
    const seoul = result.mentions.find((m) => m.text === 'سيول');
    assert.equal(seoul?.entityId, 'actor:south-korea');
    assert.equal(seoul?.type, 'LOC');
    assert.equal(result.mentions.find((m) => m.text === 'موسكو')?.entityId, 'actor:russia');
  });

  it('keeps titles given in apposition on the entity', () => {
    const result = link(`${sentences['seed-peskov']}\n${sentences['seed-degtyarev']}`);
    const titlesOf = (id: string) => result.entities.find((e) => e.id === id)?.titles;
    assert.deepEqual(titlesOf('actor:dmitry-peskov'), ['المتحدث باسم الكرملين']);
    assert.deepEqual(titlesOf('actor:mikhail-degtyarev'), ['حاكم منطقة خابروفسك']);
  });

  it('resolves a description to the office holder in the article (الرئيس الروسي → Putin)', () => {
    const result = link(
      `${sentences['seed-putin-meeting']}\nحيث التقى الرئيس الروسي في وقت سابق هذا الأسبوع.`,
    );
    assert.deepEqual(
      result.mentions.filter((m) => m.text === 'الرئيس الروسي').map((m) => [m.entityId, m.via]),
      [
        ['actor:vladimir-putin', 'description'],
        ['actor:vladimir-putin', 'description'],
      ],
    );
  });

  it('resolves a description to the current holder, not a former one in the article', () => {
    const result = link(
      'الزعيم الكوري الشمالي يزور روسيا. وكان كيم جونغ إيل قد زارها عام 2001، وكذلك كيم جونغ أون.',
    );
    assert.equal(result.mentions[0]?.entityId, 'actor:kim-jong-un');
  });

  it('links الضيف to the visiting leader in an article about a visit', () => {
    const result = link(sentences['seed-visit']!);
    assert.equal(result.mentions.find((m) => m.text === 'الضيف')?.entityId, 'actor:kim-jong-un');
  });

  it('gives names outside the registry per-article ids and the model’s type, merging repeats', () => {
    const result = link(sentences['snn-103']!, [['اشتون كارتر', 'PER']]);
    const carter = result.entities.find((e) => e.name === 'اشتون كارتر');
    assert.equal(carter?.id.startsWith('doc:e'), true);
    assert.equal(carter?.type, 'PER');
    assert.deepEqual(carter?.titles, ['وزير الدفاع الأمريكي']);
    assert.ok(result.entities.some((e) => e.id === 'actor:salman-bin-abdulaziz'));
    assert.ok(result.entities.some((e) => e.id === 'actor:saudi-press-agency'));
  });

  it('links a one-word model name to the full model name it is part of (طرابيشي → جورج طرابيشي)', () => {
    const text = `${sentences['snn-137-book']}\n${sentences['snn-137-words']}`;
    const result = link(text, [
      ['جورج طرابيشي', 'PER'],
      ['طرابيشي', 'PER', 1],
    ]);
    const people = result.entities.filter((e) => e.type === 'PER');
    assert.deepEqual(
      people.map((e) => e.name),
      ['جورج طرابيشي'],
    );
    assert.deepEqual(mentionsOf(result, people[0]!.id), ['جورج طرابيشي', 'طرابيشي']);
    assert.equal(result.mentions.find((m) => m.text === 'طرابيشي')?.via, 'coreference');
  });

  it('drops a model place that is a nationality adjective after a definite noun (للخطوط السعودية)', () => {
    const result = link(sentences['snn-199']!, [['السعودية', 'LOC']]);
    assert.equal(
      result.mentions.some((m) => m.text === 'السعودية'),
      false,
    );
  });

  it('reads a capital inside a club name as the city, not its country (ريال مدريد)', () => {
    const result = link(sentences['snn-400']!, [['ريال مدريد', 'ORG']]);
    const madrid = result.mentions.find((m) => m.text === 'مدريد');
    assert.equal(madrid?.entityId, 'actor:madrid');
    assert.equal(
      result.entities.some((e) => e.id === 'actor:spain'),
      false,
    );
  });

  it('keeps religious formulae, God alone and particles (به) out of names (محمد صلى الله عليه وسلم → محمد)', () => {
    const result = link(sentences['snn-360']!, [
      ['علي الحذيفي', 'PER'],
      ['محمد صلى', 'PER'],
      ['الله', 'MISC'],
      ['الله', 'MISC', 1],
      [' به ', 'MISC'],
    ]);
    assert.deepEqual(
      result.entities.filter((e) => e.id.startsWith('doc:')).map((e) => e.name),
      ['علي الحذيفي', 'محمد'],
    );
  });

  it('gives a name one type in an article, the type most of its mentions have', () => {
    const text = `${sentences['snn-400-title']}\n${sentences['snn-400']}`;
    const result = link(text, [
      ['ريال مدريد', 'ORG'],
      ['ريال مدريد', 'MISC', 1],
    ]);
    const real = result.entities.filter((e) => e.name === 'ريال مدريد');
    assert.equal(real.length, 1);
    assert.equal(real[0]!.type, 'ORG');
    assert.equal(mentionsOf(result, real[0]!.id).length, 2);
  });

  it('links a family name of two words to a full name the registry does not know (أبو ردينة)', () => {
    const text = `${sentences['snn-163-said']}\n${sentences['snn-163-called']}`;
    const result = link(text, [
      ['نبيل أبو ردينة', 'PER'],
      ['أبو ردينة', 'PER', 1],
    ]);
    const full = result.entities.find((e) => e.name === 'نبيل أبو ردينة')!;
    assert.ok(full.id.startsWith('doc:'));
    assert.deepEqual(mentionsOf(result, full.id), ['نبيل أبو ردينة', 'أبو ردينة']);
    assert.equal(result.mentions.find((m) => m.text === 'أبو ردينة')?.via, 'coreference');
    assert.equal(
      result.mentions.find((m) => m.text === 'الرئاسة الفلسطينية')?.entityId,
      'actor:palestine-presidency',
    );
  });

  it('links a family name of two words, clitic or not, to the full name (داود أوغلو، لداود أوغلو)', () => {
    const text = [sentences['snn-207-call'], sentences['snn-207-support'], sentences['snn-207-briefed']].join(
      '\n',
    );
    const result = link(text, [
      ['أحمد داود أوغلو', 'PER'],
      ['داود أوغلو', 'PER', 2],
    ]);
    // Davutoğlu is a registry actor (Prime Minister of Turkey 2014–2016): his Arabic name is arabicName.
    const full = result.entities.find((e) => (e.arabicName ?? e.name) === 'أحمد داود أوغلو')!;
    assert.deepEqual(mentionsOf(result, full.id), [
      'رئيس الوزراء التركي',
      'أحمد داود أوغلو',
      'داود أوغلو',
      'داود أوغلو',
    ]);
    assert.equal(
      result.entities.filter((e) => e.type === 'PER' && (e.arabicName ?? e.name).includes('أوغلو')).length,
      1,
    );
    // The national government is its own actor (institutions.tsv), with the country's code.
    assert.equal(
      result.mentions.find((m) => m.text === 'الحكومة الألمانية')?.entityId,
      'actor:germany-government',
    );
  });

  it('reads السياسة الخارجية الأمريكية as a policy, not the State Department', () => {
    const result = link(sentences['snn-full-policy']!);
    assert.equal(
      result.entities.some((e) => e.id === 'actor:us-department-of-state'),
      false,
    );
    assert.ok(result.entities.some((e) => e.id === 'actor:barack-obama'));
  });

  it('makes a one-word name with and without the article one entity (فيفا، الفيفا)', () => {
    const text = `${sentences['snn-110-deputy']}\n${sentences['snn-110-tags']}`;
    const result = link(text, [
      ['فيفا', 'ORG'],
      ['الفيفا', 'ORG'],
    ]);
    const fifa = result.entities.filter((e) => e.name.includes('فيفا'));
    assert.equal(fifa.length, 1);
    assert.deepEqual(mentionsOf(result, fifa[0]!.id), ['فيفا', 'الفيفا']);
  });

  it('drops a model person holding an organisation (بسحق بوكو حرام, "to crush Boko Haram")', () => {
    const result = link(sentences['snn-319']!, [['سحق بوكو حرام', 'PER']]);
    assert.equal(
      result.entities.some((e) => e.type === 'PER' && e.name.includes('بوكو')),
      false,
    );
    assert.equal(mentionsOf(result, 'actor:boko-haram').length, 2);
    assert.ok(result.entities.some((e) => e.id === 'actor:muhammadu-buhari'));
  });

  it('drops a model name that is a short form glued to a following word', () => {
    const result = link(`${sentences['seed-visit']}\nويرافق وفد عسكري رفيع كيم بينما شارك كبار المسؤولين.`, [
      ['كيم بينما', 'PER'],
    ]);
    assert.ok(!result.mentions.some((m) => m.text.includes('بينما')));
    assert.equal(result.mentions.at(-1)?.entityId, 'actor:kim-jong-un');
  });

  it('every mention points at an entity and covers its text', () => {
    const text = sentences['snn-217']!;
    const result = link(text);
    const ids = new Set(result.entities.map((e) => e.id));
    for (const m of result.mentions) {
      assert.ok(ids.has(m.entityId));
      assert.equal(text.slice(m.start, m.end), m.text);
    }
    assert.deepEqual(result.entities.find((e) => e.id === 'actor:nabih-berri')?.titles, [
      'رئيس مجلس النواب اللبناني',
    ]);
    assert.equal(result.mentions.find((m) => m.text === 'بيروت')?.entityId, 'actor:lebanon');
  });
});

describe('باسم after a spokesperson’s title', () => {
  it('is "in the name of", never the name Basem, for the model or as a short form of another name', () => {
    // From a SaudiNewsNet article: the model read "باسم ادم بروكمان" as one name earlier in the text.
    const text =
      'وقالت وزيرة الخارجية إن المواطن عرفته باسم ادم بروكمان. من جهتها، أفادت المتحدثة باسم الشرطة الاتحادية الاسترالية في بيان إن التحقيق مستمر.';
    const result = link(text, [
      ['باسم ادم بروكمان', 'PER'],
      ['باسم الشرطة', 'PER'],
    ]);
    const after = text.indexOf('المتحدثة');
    assert.deepEqual(
      result.mentions.filter((m) => m.start > after && m.text.startsWith('باسم')).map((m) => m.text),
      [],
    );
  });
});

describe('titles read as a name', () => {
  it('drops a "person" made of title words only, and keeps the person the title belongs to', () => {
    // SaudiNewsNet (al-Riyadh, 2015-07-21): the model read ولي ولي (of ولي ولي العهد, deputy crown prince) as a name.
    const text =
      'التقى صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع في جدة أمس الرئيس رمضان أحمد قاديروف.';
    const result = link(text, [
      ['ولي ولي', 'PER'],
      ['رمضان أحمد قاديروف', 'PER'],
    ]);
    assert.equal(
      result.mentions.some((m) => m.text.startsWith('ولي')),
      false,
    );
    assert.ok(result.mentions.some((m) => m.text === 'رمضان أحمد قاديروف'));
    assert.ok(result.entities.some((e) => e.id === 'actor:mohammed-bin-salman'));
  });
});
