import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CodedEvent,
  evaluatePetrarch,
  formatPetrarchReport,
  parsePetrarchGold,
} from './evaluate-petrarch.ts';

// Three sentences in the UniversalPetrarch validation format (the first copied from
// ../shared/datasets/petrarch-arabic/arabic_protest_gsr_validation.xml, parse cut short), the file's root left
// unclosed as in that file.
const GOLD = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
<Environment><Include>protest</Include></Environment>
<Sentences>
<Sentence category="PROTEST" date="20080101" evaluate="true" id="s1" >
<EventText eid="0" eventtext="احراق" sourcetext="التونسيين" targettext="" />
<EventCoding eid="0" eventcode="" plover="PROTEST" sourcecode="TUN None" targetcode="None GOV" />
<Location loc_in_sentence="false" />
<Text>
ومن أجل ذلك، لم يتورع أحد التونسيين الشباب عن احراق نفسه احتجاجاً على الظلم.
</Text>
<Parse>1	و	و	CCONJ	C---------	_	0	root	_	_
</Parse></Sentence>
<Sentence category="PROTEST" date="20080102" evaluate="true" id="s2" >
<EventText eid="0" eventtext="تظاهر" sourcetext="الطلاب" targettext="الحكومة" />
<EventText eid="1" eventtext="هاجمت" sourcetext="الشرطة" targettext="الطلاب" />
<EventCoding eid="0" eventcode="" plover="PROTEST" sourcecode="None CVL" targetcode="LBN GOV" />
<EventCoding eid="1" eventcode="" plover="ASSAULT" sourcecode="LBN COP" targetcode="None CVL" />
<Text>تظاهر الطلاب ضد الحكومة اللبنانية وهاجمت الشرطة الطلاب.</Text>
</Sentence>
<Sentence category="PROTEST" date="20080103" evaluate="false" id="s3" >
<EventText eid="0" eventtext="اعتصم" sourcetext="" targettext="" />
<EventCoding eid="0" eventcode="" plover="PROTEST" sourcecode="None None" targetcode="None None" />
<Text>اعتصم عشرات المواطنين.</Text>
</Sentence>
</Sentences>
`;

const event = (type: string, trigger: string, source = {}, target = {}): CodedEvent => ({
  type,
  trigger: { text: trigger },
  source,
  target,
});

// A fake coder: s1 gets a wrong type only; s2 gets its protest (right source agent, wrong target country) and a
// REQUEST; s3 would be right but is not to be scored.
const CODED: Record<string, CodedEvent[]> = {
  s1: [event('ACCUSE', 'احتجاجاً')],
  s2: [event('PROTEST', 'تظاهر', { agent: 'CVL' }, { country: 'SYR', agent: 'GOV' }), event('REQUEST', 'ضد')],
  s3: [event('PROTEST', 'اعتصم')],
};

describe('PETRARCH validation files', () => {
  const sentences = parsePetrarchGold(GOLD, 'fixture.xml');

  it('reads sentences, dates, the evaluate flag, and events joined with their words on eid', () => {
    assert.deepEqual(
      sentences.map((s) => [s.id, s.date, s.evaluate, s.events.length]),
      [
        ['s1', '2008-01-01', true, 1],
        ['s2', '2008-01-02', true, 2],
        ['s3', '2008-01-03', false, 1],
      ],
    );
    assert.equal(
      sentences[0]!.text,
      'ومن أجل ذلك، لم يتورع أحد التونسيين الشباب عن احراق نفسه احتجاجاً على الظلم.',
    );
    assert.deepEqual(sentences[1]!.events[1], {
      eid: '1',
      type: 'ASSAULT',
      trigger: 'هاجمت',
      sourceText: 'الشرطة',
      targetText: 'الطلاب',
      source: { country: 'LBN', agent: 'COP' },
      target: { agent: 'CVL' },
    });
    // "None None" is no actor code at all.
    assert.deepEqual(sentences[2]!.events[0]!.source, {});
  });

  it('scores gold types per sentence, coded types against them, and actor codes where the type was found', () => {
    const called: string[] = [];
    const report = evaluatePetrarch(sentences, (s) => {
      called.push(s.id);
      return CODED[s.id] ?? [];
    });
    assert.deepEqual(called, ['s1', 's2'], 'evaluate="false" sentences are not coded');
    assert.equal(report.sentences, 2);
    assert.equal(report.notEvaluated, 1);
    assert.equal(report.sentencesWithCoded, 2);
    assert.equal(report.total.goldEvents, 3);
    assert.deepEqual(report.byType.PROTEST, {
      goldSentences: 2,
      goldEvents: 2,
      found: 1,
      coded: 1,
      correct: 1,
    });
    assert.deepEqual(report.byType.ASSAULT, {
      goldSentences: 1,
      goldEvents: 1,
      found: 0,
      coded: 0,
      correct: 0,
    });
    assert.deepEqual(report.total, { goldSentences: 3, goldEvents: 3, found: 1, coded: 3, correct: 1 });
    assert.equal(report.wrongTypeSentences, 2);
    assert.deepEqual(report.wrongTypes, { ACCUSE: 1, REQUEST: 1 });
    // Only s2's protest counts: its gold source has no country, its target LBN was coded SYR.
    assert.deepEqual(report.agreement, {
      sourceCountry: { gold: 0, coded: 0, agree: 0 },
      targetCountry: { gold: 1, coded: 1, agree: 0 },
      sourceAgent: { gold: 1, coded: 1, agree: 1 },
      targetAgent: { gold: 1, coded: 1, agree: 1 },
    });
    assert.deepEqual(
      report.missed.map((m) => `${m.id} ${m.type} ${m.triggers.join()}`),
      ['s1 PROTEST احراق', 's2 ASSAULT هاجمت'],
    );
  });

  it('prints the table, per-type rows when there are several gold types, and the misses with -v', () => {
    const report = evaluatePetrarch(sentences, (s) => CODED[s.id] ?? []);
    const text = formatPetrarchReport(report, 'fixture.xml', true);
    assert.match(text, /^fixture\.xml: 2 sentences scored \(1 evaluate="false" left out\)/);
    assert.match(text, /sentence recall of the gold type +1\/3 +33\.3%/);
    assert.match(text, /event precision vs the gold type +1\/3 +33\.3%/);
    assert.match(text, /\n {2}PROTEST +2 +1 +50\.0%/);
    assert.match(text, /- s1 gold PROTEST, coded ACCUSE «احتجاجاً»/);
    assert.doesNotMatch(formatPetrarchReport(report, 'fixture.xml'), /missed/);
  });

  it('names the file when the XML is malformed', () => {
    assert.throws(
      () => parsePetrarchGold('<Validation><Sentences><Sentence></Sentences>', 'bad.xml'),
      /bad\.xml: .*E_BAD_DOCUMENT/,
    );
  });
});
