import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import actorsFile from '../../../../data/actors/actors.json' with { type: 'json' };
import { tokenize } from '../../../text/tokenize.ts';
import { matchRegistry } from './match.ts';
import { procliticReadings } from './proclitics.ts';
import { defaultRegistry } from './registry.ts';
import { roleHolders } from './roles.ts';

const sentences = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/entities/sentences.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const registry = defaultRegistry();

function found(text: string): { text: string; ids: string }[] {
  return matchRegistry(registry, text, tokenize(text)).map((m) => ({
    text: m.text,
    ids: m.actorIds.join(','),
  }));
}

describe('actor registry data', () => {
  it('says it is generated and gives every actor a unique stable id', () => {
    assert.match(actorsFile.generatedBy, /build-actors/);
    const ids = actorsFile.actors.map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^actor:[a-z0-9-]+$/);
  });

  it('covers every G20 member, every Arab League member and the permanent Security Council members', () => {
    const countries = new Set(actorsFile.actors.filter((a) => a.kind === 'country').map((a) => a.country));
    const g20 = 'ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA';
    const arabLeague =
      'DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM';
    for (const code of `${g20} ${arabLeague}`.split(' ')) assert.ok(countries.has(code), code);
    for (const id of [
      'actor:european-union',
      'actor:african-union',
      'actor:un-security-council',
      'actor:nato',
      'actor:opec',
    ]) {
      assert.ok(registry.actors.has(id), id);
    }
  });

  it('holds several hundred hand-written actors', () => {
    const handWritten = actorsFile.actors.filter((a) => a.source.startsWith('data/actors/sources'));
    assert.ok(handWritten.length >= 500, `${handWritten.length}`);
  });
});

describe('registry lookup', () => {
  it('reads proclitics off the first word: و ف, ب ل ك, and لل as ل + the article', () => {
    assert.deepEqual(
      procliticReadings('وللبيت').map((r) => r.form),
      ['وللبيت', 'للبيت', 'لبيت', 'البيت'],
    );
  });

  it('finds names with proclitics attached and leaves the proclitic out of the span', () => {
    assert.deepEqual(found('وتخشى وموسكو بالكرملين'), [
      { text: 'موسكو', ids: 'actor:moscow' },
      { text: 'الكرملين', ids: 'actor:kremlin' },
    ]);
    // للبيت = ل + البيت: the span starts at the article's remaining ل.
    assert.deepEqual(found('وجاء في بيان للبيت الأبيض'), [{ text: 'لبيت الأبيض', ids: 'actor:white-house' }]);
  });

  it('prefers the longest name: كيم جونغ أون and كيم جونغ إيل are two people', () => {
    const seedVisit = found(sentences['seed-visit']!);
    assert.ok(seedVisit.some((m) => m.text === 'كيم جونغ أون' && m.ids === 'actor:kim-jong-un'));
    assert.deepEqual(found('إذ التقى كيم جونغ إيل في بيونغ يانغ'), [
      { text: 'كيم جونغ إيل', ids: 'actor:kim-jong-il' },
      { text: 'بيونغ يانغ', ids: 'actor:pyongyang' },
    ]);
  });

  it('matches transliteration variants (دميتري/ديمتري, بيسكوف/بسكوف)', () => {
    assert.deepEqual(found('قال ديمتري بسكوف'), [{ text: 'ديمتري بسكوف', ids: 'actor:dmitry-peskov' }]);
  });

  it('reports a place inside a longer organisation name as nested', () => {
    const m = matchRegistry(
      registry,
      'الأسطول الروسي في المحيط الهادي',
      tokenize('الأسطول الروسي في المحيط الهادي'),
    );
    assert.deepEqual(
      m.map((x) => [x.text, x.nested]),
      [
        ['الأسطول الروسي في المحيط الهادي', false],
        ['المحيط الهادي', true],
      ],
    );
  });

  it('does not take blocked phrases or tanween adjectives for names', () => {
    assert.deepEqual(found('اجتمع مجلس الأمن القومي'), []);
    assert.deepEqual(found('بعد صلاة المغرب'), []);
    assert.deepEqual(found('مركزاً هندسياً روسياً رئيسياً'), []);
  });

  it('keeps shared names ambiguous for linking to settle (عمان: Oman or Amman)', () => {
    assert.deepEqual(found('في عمان'), [{ text: 'عمان', ids: 'actor:oman,actor:amman' }]);
    assert.deepEqual(found(sentences['snn-119']!).at(-2), { text: 'سلطنة عمان', ids: 'actor:oman' });
  });

  it('knows office holders by date: Russia’s president now and in 2010', () => {
    assert.deepEqual(roleHolders(registry, ['president'], 'RUS'), ['actor:vladimir-putin']);
    assert.deepEqual(roleHolders(registry, ['president'], 'RUS', '2010-06-01'), ['actor:dmitry-medvedev']);
    assert.deepEqual(roleHolders(registry, ['leader'], 'PRK', '2005-01-01'), ['actor:kim-jong-il']);
  });
});
