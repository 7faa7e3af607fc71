import type { Token } from '../../core/annotations.ts';
import type { ActorCandidate } from './actors.ts';
import type { Arguments } from './arguments.ts';
import type { TriggerHit } from './match.ts';
import { baseWord, cliticPreposition, startsWithConjunction } from './words.ts';

/** A trigger of a sentence with the sides found for it, before it becomes events. */
export interface SidedHit {
  readonly hit: TriggerHit;
  readonly clause: { first: number; end: number };
  args: Arguments;
}

// Words that put an attack as the cause of a killing told before it (قُتل 4 في تفجير، جراء القصف، إثر هجوم).
const CAUSES = new Set(['في', 'جراء', 'خلال', 'اثر', 'عقب', 'بعد', 'بسبب', 'نتيجه', 'اثناء']);
// Words that put a killing as the outcome of an attack told before it (انفجرت سيارة … ما أدى إلى مقتل، أسفر عن).
const OUTCOMES = new Set([
  'ادي',
  'ادت',
  'يؤدي',
  'اسفر',
  'اسفرت',
  'مسفرا',
  'مسفره',
  'خلف',
  'خلفت',
  'مخلفا',
  'مخلفه',
  'اوقع',
  'اوقعت',
  'موقعا',
  'موقعه',
  'تسبب',
  'تسببت',
  'متسببا',
  'اودي',
  'اودت',
]);
// How far apart an attack and the killing it caused may be told.
const LINK_WINDOW = 12;

const sameName = (a: ActorCandidate, b: ActorCandidate): boolean =>
  a.actor.entityId !== undefined ? a.actor.entityId === b.actor.entityId : a.actor.text === b.actor.text;

const isForce = (s: SidedHit): boolean => s.hit.record.type === 'ASSAULT';
/** قتل، مقتل، جرح، أصيب، استشهد: a word whose participant is the one who was hit. */
const isCasualty = (s: SidedHit): boolean =>
  isForce(s) && (s.hit.record.patient === true || s.hit.record.undergoer === true);
/** The dead and wounded named for an act: people and groups, not the place it happened in. */
const victimsOf = (s: SidedHit) => s.args.targets.filter((t) => t.type !== 'LOC' || t.statelike);

function causedBy(tokens: readonly Token[], casualty: SidedHit, attack: SidedHit): boolean {
  if (casualty.hit.last >= attack.hit.first || attack.hit.first - casualty.hit.last > LINK_WINDOW)
    return false;
  const word = tokens[attack.hit.first]!;
  const before = tokens[attack.hit.first - 1];
  return cliticPreposition(word) === 'ب' || (before !== undefined && CAUSES.has(baseWord(before)));
}

function resultedIn(tokens: readonly Token[], attack: SidedHit, casualty: SidedHit): boolean {
  if (attack.hit.last >= casualty.hit.first || casualty.hit.first - attack.hit.last > LINK_WINDOW)
    return false;
  for (let i = casualty.hit.first - 1; i > attack.hit.last && i >= casualty.hit.first - 4; i--)
    if (OUTCOMES.has(baseWord(tokens[i]!))) return true;
  return false;
}

/** قُتل شرطي وأُصيب آخر، مقتل وإصابة عدد من الحوثيين: casualties joined by و, the second right after the first. */
function coordinated(tokens: readonly Token[], a: SidedHit, b: SidedHit): boolean {
  const [first, second] = a.hit.first < b.hit.first ? [a, b] : [b, a];
  return (
    startsWithConjunction(tokens[second.hit.first]!) &&
    second.hit.first > first.hit.last &&
    second.hit.first - first.hit.last <= 6
  );
}

/**
 * Acts of force a sentence tells together share the sides only one of them names: an attack and the killing it
 * caused have the same victims (قُتل ثلاثة عناصر من الجيش في تفجير سيارة: the bombing hit the soldiers, not the
 * district it happened in), and casualties joined by و have the same doer and victims (قُتل شرطي وأُصيب آخر في هجوم
 * نفذه ملثمون). Only a side the act lacks is filled; a side it names is kept.
 */
export function shareCasualties(tokens: readonly Token[], sided: readonly SidedHit[]): void {
  const casualties = sided.filter(isCasualty);
  if (casualties.length === 0) return;
  for (const act of sided) {
    if (!isForce(act)) continue;
    if (act.args.targets.length === 0) {
      const source = casualties.find(
        (c) =>
          c !== act &&
          victimsOf(c).length > 0 &&
          (causedBy(tokens, c, act) ||
            resultedIn(tokens, act, c) ||
            (isCasualty(act) && coordinated(tokens, act, c))),
      );
      if (source !== undefined) {
        // استشهد … جراء إصابته: one who is among the victims did not do it.
        const targets = victimsOf(source);
        const sources = act.args.sources.filter(
          (s) => !targets.some((t) => t.actor === s.actor || sameName(t, s)),
        );
        act.args = {
          ...act.args,
          targets,
          sources,
          ...(sources.length === 0 ? { sourceVia: 'none' as const } : {}),
        };
      }
    }
    if (act.args.sources.length === 0 && isCasualty(act)) {
      const partner = casualties.find(
        (c) =>
          c !== act &&
          c.args.sources.length > 0 &&
          coordinated(tokens, act, c) &&
          !c.args.sources.some((s) => act.args.targets.some((t) => t.actor === s.actor)),
      );
      if (partner !== undefined)
        act.args = { ...act.args, sources: partner.args.sources, sourceVia: 'antecedent' };
    }
  }
}
