import type { Token } from '../../core/annotations.ts';
import type { ActorCandidate } from './actors.ts';
import { RELATIVES as QUOTE_RELATIVES } from '../quotes/context.ts';
import { cueOf } from '../quotes/cues.ts';
import { createMorphIndex, type MorphIndex } from '../morph/index.ts';
import { isComplementizer } from './clause.ts';
import type { TriggerHit } from './match.ts';
import { baseWord, cliticPreposition, hasLookupKey } from './words.ts';

/** How the source was found, for the confidence figure. */
export type SourceVia = 'subject' | 'genitive' | 'antecedent' | 'speaker' | 'none';

export interface Arguments {
  readonly sources: readonly ActorCandidate[];
  readonly sourceVia: SourceVia;
  readonly targets: readonly ActorCandidate[];
  /** The place (في + a location) of the clause. */
  readonly location?: ActorCandidate;
  /** A condemnation of a named attack whose doer is not named (أدانت البحرين التفجير): its target is unknown, not missing. */
  readonly condemnsAct?: boolean;
}

export interface ArgumentContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Actors of the sentence, in text order. */
  readonly actors: readonly ActorCandidate[];
  readonly clause: { readonly first: number; readonly end: number };
  readonly sentence: { readonly tokenStart: number; readonly tokenEnd: number };
  /** Turns a country code into the country's actor (for a visit to a place: Komsomolsk → Russia). */
  readonly countryOf: (location: ActorCandidate) => ActorCandidate | undefined;
}

// Dual and plural nouns naming the two sides of a reciprocal act: تبادل الزعيمان، اتفق الجانبان.
const BOTH_SIDES = new Set([
  'زعيمان',
  'زعيمين',
  'جانبان',
  'جانبين',
  'طرفان',
  'طرفين',
  'بلدان',
  'بلدين',
  'رئيسان',
  'رئيسين',
  'وزيران',
  'وزيرين',
  'دولتان',
  'دولتين',
]);
// A verbal noun after these is the complement of an earlier subject (مستعد للقاء كيم، تفكر في فرض عقوبات).
// Not ب: رحب بزيارة الأمير — the welcomed visit is the prince's.
const COMPLEMENT_PREPOSITIONS = new Set(['ل', 'في', 'الي', 'علي']);
const SUBJECT_GAP = 4;
// How far after the trigger its object and complements may sit.
const OBJECT_WINDOW = 10;
// A verbal noun's subject sits right before the word governing it (كيشيدا مستعد للقاء، سيول تفكر في فرض).
const NOUN_SUBJECT_GAP = 4;

const within = (a: ActorCandidate, first: number, end: number): boolean =>
  a.firstToken >= first && a.lastToken < end;
const sameActor = (a: ActorCandidate, b: ActorCandidate): boolean =>
  a.actor.entityId !== undefined ? a.actor.entityId === b.actor.entityId : a.actor.text === b.actor.text;

/** The actor and the ones coordinated with it right after (روسيا وكوريا الشمالية). */
function withCoordinated(actors: readonly ActorCandidate[], first: ActorCandidate): ActorCandidate[] {
  const out = [first];
  let index = actors.indexOf(first) + 1;
  while (
    index < actors.length &&
    actors[index]!.coordinated &&
    actors[index]!.firstToken <= out.at(-1)!.lastToken + 2
  ) {
    out.push(actors[index]!);
    index++;
  }
  return out;
}

/** A noun with the article (الزيارة، للزيارة) takes no possessor: the actor after it is not its subject. */
function isDefinite(token: Token): boolean {
  if (token.parts !== undefined) return token.parts.some((p) => p.role === 'article');
  return /^[وف]?[بك]?ال/.test(token.norm);
}

const FORCE = new Set(['ASSAULT', 'COERCE']);
// Role-named participants who carry no arms: named after an act of force, they undergo it.
const UNARMED = new Set(['CVL', 'REL', 'EDU', 'MED', 'REF', 'HLH', 'LAB', 'BUS', 'AGR']);
// A cable, letter or message that carries an act (برقية تهنئة، رسالة احتجاج، كلمة تعزية).
const MESSAGE_NOUNS = new Set(['برقيه', 'برقيات', 'رساله', 'رسائل', 'مذكره', 'كلمه', 'بيان']);
// Acts whose verbal noun after في is where something happened (قُتل 5 في هجوم), not a complement of an earlier verb.
const CIRCUMSTANTIAL_TYPES = new Set(['ASSAULT', 'COERCE', 'PROTEST', 'MOBILIZE']);

function nounIsComplement(tokens: readonly Token[], hit: TriggerHit): boolean {
  if (CIRCUMSTANTIAL_TYPES.has(hit.record.type)) return false;
  const token = tokens[hit.first]!;
  if (cliticPreposition(token) !== undefined && cliticPreposition(token) !== 'ك') return true;
  const previous = tokens[hit.first - 1];
  return previous !== undefined && COMPLEMENT_PREPOSITIONS.has(baseWord(previous));
}

/**
 * The nearest actor before the trigger in the sentence, preferring people: the dropped subject (… إذ التقى كيم
 * جونغ إيل). With `peopleOnly`, only a person: a place named earlier is rarely the one who meets or visits.
 */
function antecedent(
  ctx: ArgumentContext,
  hit: TriggerHit,
  exclude: readonly ActorCandidate[],
  peopleOnly = false,
): ActorCandidate | undefined {
  // Force, protest and coercion take no doer from another clause: the one named there is mostly the one reporting
  // it (قال المتحدث إن قصفا استهدف…). Unknown is better than wrong.
  const from = CIRCUMSTANTIAL_TYPES.has(hit.record.type) ? ctx.clause.first : 0;
  // The subject of a reporting verb (ذكرت صحيفة…، قال المتحدث…) reports the act; it does not do it.
  // استنكارهم: a plural pronoun stands for people or groups, not for a place.
  const plural = hit.enclitic === 'هم' || hit.enclitic === 'هما' || hit.enclitic === 'هن';
  const before = ctx.actors.filter(
    (a) =>
      a.firstToken >= from &&
      a.lastToken < hit.first &&
      !exclude.some((e) => sameActor(e, a)) &&
      !reports(ctx.tokens, a) &&
      !(plural && a.type === 'LOC'),
  );
  // هجومها: a feminine pronoun on the act stands for a state or a body more often than for a person.
  if (hit.enclitic === 'ها' && !peopleOnly) {
    const body = before.findLast((a) => a.type !== 'PER' && canAct(a));
    if (body !== undefined) return body;
  }
  return (
    before.findLast((a) => a.type === 'PER') ??
    (peopleOnly ? undefined : before.findLast((a) => a.type !== 'PER' && canAct(a)))
  );
}

/** Whether the actor is the subject of a reporting verb right before it (قالت وكالة، ذكرت صحيفة نيويورك تايمز). */
function reports(tokens: readonly Token[], actor: ActorCandidate): boolean {
  for (let i = actor.firstToken - 1; i >= 0 && i >= actor.firstToken - 2; i--)
    if (cueOf(tokens[i]!) !== undefined) return true;
  return false;
}

interface PlacesApart {
  readonly taking: readonly ActorCandidate[];
  readonly places: readonly ActorCandidate[];
}
// Per list of a sentence's actors (the caller passes the same list for each of its triggers): places told apart once.
const placesApartMemo = new WeakMap<readonly ActorCandidate[], PlacesApart>();

function placesApart(tokens: readonly Token[], actors: readonly ActorCandidate[]): PlacesApart {
  let out = placesApartMemo.get(actors);
  if (out === undefined) {
    const places = actors.filter((a) => namedAsPlace(tokens, a));
    out = { places, taking: places.length === 0 ? actors : actors.filter((a) => !places.includes(a)) };
    placesApartMemo.set(actors, out);
  }
  return out;
}

/**
 * Finds who acts: a verb's subject before it (SVO: كيم زار روسيا) or after it (VSO: زار كيم روسيا), a dropped
 * subject carried from earlier in the sentence, or a verbal noun's possessor (اجتماع لكيم). Then the target, from the
 * trigger's slots in order (object, مع، على، إلى…, an أن-clause, the country of the place).
 */
export function findArguments(context: ArgumentContext, hit: TriggerHit): Arguments {
  // A name after a noun of place that a preposition governs (بمدينة غومبيه) says where; it takes no part.
  const { taking, places } = placesApart(context.tokens, context.actors);
  let ctx = places.length === 0 ? context : { ...context, actors: taking };
  const { tokens, clause } = ctx;
  // A count between a word and its genitive (مقتل ثلاثة جنود، اعتقال 5 ناشطين) does not separate them.
  const pastCount = afterCount(tokens, hit.last + 1, clause.end);
  // مقتل خمسة من أفراد الجيش، قتل 4 من مسلحي الميليشيات، إصابة عدد من الحوثيين: the group a count is taken from is
  // the word's genitive, as if it followed the count directly.
  const partitive = countsBetween(tokens, hit.last + 1, pastCount)
    ? partitiveGroup(ctx, pastCount)
    : undefined;
  const actors =
    partitive === undefined
      ? ctx.actors
      : ctx.actors.map((a) => (a.firstToken === partitive.firstToken ? partitive : a));
  if (partitive !== undefined) ctx = { ...ctx, actors };
  const genitiveAt = partitive?.firstToken ?? pastCount;
  // هجوم شنه مسلحون: the one named after a light verb carrying the noun's pronoun is the noun's actor.
  const carrier = hit.record.pos === 'noun' && LIGHT_VERBS.has(tokens[hit.last + 1]?.norm ?? '');
  if (carrier) {
    const doer = actors.find((a) => a.firstToken === hit.last + 2 && a.preposition === undefined);
    if (doer !== undefined) {
      const location = actors.find(
        (a) =>
          within(a, clause.first, clause.end) &&
          a.firstToken > hit.first &&
          a.type === 'LOC' &&
          a.preposition === 'في',
      );
      const targets = findTargets(ctx, hit, hit.record.target, [], location).filter(
        (t) => !sameActor(t, doer),
      );
      return {
        sources: [doer],
        sourceVia: 'subject',
        targets,
        ...(location !== undefined ? { location } : {}),
      };
    }
  }
  const inClause = actors.filter((a) => within(a, clause.first, clause.end));
  const afterTrigger = inClause.filter(
    (a) => a.firstToken > hit.first && a.firstToken <= hit.last + OBJECT_WINDOW,
  );
  // استهدفت مواقع الحوثيين: the owner of the place or thing aimed at is attacked; it is not the attacker.
  const aimedAt = FORCE.has(hit.record.type)
    ? afterTrigger.find(
        (a) =>
          (a.preposition === undefined &&
            a.firstToken - 1 > hit.last &&
            spelledIn(tokens[a.firstToken - 1], AIMED_AT_NOUNS)) ||
          // مواقع لتنظيم داعش
          (a.preposition === 'ل' &&
            ((a.firstToken - 1 > hit.last && spelledIn(tokens[a.firstToken - 1], AIMED_AT_NOUNS)) ||
              (a.firstToken - 2 > hit.last && spelledIn(tokens[a.firstToken - 2], AIMED_AT_NOUNS)))),
      )
    : undefined;
  const bare = afterTrigger.filter(
    (a) =>
      a !== aimedAt &&
      (a.preposition === undefined ||
        // اجتماع لكيم: ل marks a meeting's holder; after تهنئة، تعزية، مساعدة it marks who receives.
        (hit.record.pos === 'noun' &&
          hit.record.type === 'CONSULT' &&
          a.preposition === 'ل' &&
          a.firstToken === genitiveAt)),
  );
  const gap = hit.record.pos === 'noun' ? NOUN_SUBJECT_GAP : SUBJECT_GAP;
  let preceding = inClause
    .filter(
      (a) =>
        a.lastToken < hit.first && a.lastToken >= hit.first - gap && a.preposition === undefined && canAct(a),
    )
    .at(-1);
  // An actor after و opens a new clause more often than it is an object (يزور مصنعا والكرملين يؤكد…).
  // With a required noun (وقع اتفاقية، يعقد … اجتماعا) a VSO subject sits before the noun; after it is its genitive.
  const subjectZoneEnd = hit.last > hit.first && hit.record.pos === 'verb' ? hit.last - 1 : hit.last + 3;
  const adjacent = partitive ?? bare.find((a) => a.firstToken <= subjectZoneEnd && !a.coordinated);
  // A name right after the verb and none right before it: VSO (…، زار مارك كورت العملاء).
  if (
    hit.record.pos === 'verb' &&
    preceding !== undefined &&
    adjacent !== undefined &&
    adjacent.firstToken <= hit.last + 2 &&
    hit.first - preceding.lastToken > 2
  ) {
    preceding = undefined;
  }
  // إنه زار الجزائر: the subject is the pronoun on the complementizer, someone named before.
  const pronounSubject =
    hit.record.pos === 'verb' &&
    preceding === undefined &&
    hasPronounComplementizer(tokens, hit, clause.first);
  const location =
    inClause.find((a) => a.firstToken > hit.first && a.type === 'LOC' && a.preposition === 'في') ??
    places.find((a) => within(a, clause.first, clause.end) && a.firstToken > hit.first);
  // تفجيرات استهدفت مناطق، وكان الهجوم استهدف منشأتين: an attack named right before the verb is its subject; the
  // attack's doer is told elsewhere (or shared by the sentence's other acts), and whoever is named after it is hit.
  const attackAt =
    hit.record.pos === 'verb' && FORCE.has(hit.record.type) ? attackBefore(tokens, hit, clause.first) : -1;
  if (attackAt >= 0) {
    // شنت مقاتلات التحالف غارات استهدفت …: the one who launched the attack.
    const launcher = launcherOf(ctx, attackAt);
    const object = aimedAt ?? (adjacent !== launcher ? adjacent : undefined);
    const named = object === undefined ? [] : withCoordinated(actors, object);
    const thing = named.length === 0 ? thingAimedAt(ctx, hit, []) : undefined;
    const objectsNamed = thing === undefined ? named : [thing];
    const slots = hit.record.target.includes('object') ? hit.record.target : ['object', ...hit.record.target];
    return {
      sources: launcher === undefined ? [] : [launcher],
      sourceVia: launcher === undefined ? 'none' : 'subject',
      targets: findTargets(ctx, hit, slots, objectsNamed, location).filter(
        (t) => launcher === undefined || !sameActor(t, launcher),
      ),
      ...(location !== undefined ? { location } : {}),
    };
  }
  // قُتل طفل على أيدي مستوطنين، اعتقل ناشط من قبل الشرطة: the doer named in an agent phrase acts; the one named
  // between the act and the phrase undergoes it.
  const doer = agentPhraseActor(ctx, hit);
  if (doer !== undefined) {
    const undergoer = afterTrigger.find(
      (a) => a.firstToken < doer.firstToken && a.preposition === undefined && !sameActor(a, doer),
    );
    const objects = undergoer === undefined ? [] : withCoordinated(actors, undergoer);
    const targets = findTargets(ctx, hit, hit.record.target, objects, location).filter(
      (t) => !sameActor(t, doer),
    );
    return {
      sources: [doer],
      sourceVia: 'subject',
      targets,
      ...(location !== undefined ? { location } : {}),
    };
  }

  // قامت القوات المسلحة باستهداف مقر …: the subject of قام does the act its ب + verbal noun names.
  // نجحت طائرات التحالف في تدمير، أقدمت الميليشيات على استهداف: so does the subject of a verb of managing, daring or
  // going on whose complement the verbal noun is.
  // After a preposition a verb's spelling is its verbal noun (أقدم X على قتل): a verb of managing or daring governs it.
  const masdar = hit.record.pos === 'verb' && afterPreposition(tokens, hit);
  const performer =
    hit.record.pos === 'noun'
      ? (performerOf(ctx, hit) ??
        controllerOf(ctx, hit) ??
        // نفذت قوات التحالف 19 غارة: the attack is the object of a verb of launching.
        (FORCE.has(hit.record.type) && !isDefinite(tokens[hit.first]!)
          ? launcherOf(ctx, hit.first)
          : undefined))
      : masdar
        ? controllerOf(ctx, hit)
        : undefined;
  if (performer !== undefined) {
    // على قتل / X: a slash or a dash may set the object off.
    const objectAt = adjacent !== undefined && adjacent.firstToken <= genitiveAt + 1 ? adjacent : undefined;
    const object = objectAt !== undefined && !sameActor(objectAt, performer) ? objectAt : aimedAt;
    const named = object === undefined ? [] : withCoordinated(actors, object);
    // قامت القوات بتدمير الآليات: with no one named, the thing hit.
    const thing = FORCE.has(hit.record.type) && named.length === 0 ? thingAimedAt(ctx, hit, []) : undefined;
    const objectsNamed = thing === undefined ? named : [thing];
    return {
      sources: [performer],
      sourceVia: 'subject',
      targets: findTargets(ctx, hit, hit.record.target, objectsNamed, location).filter(
        (t) => !sameActor(t, performer),
      ),
      ...(location !== undefined ? { location } : {}),
    };
  }

  // تم اعتقاله، جرى استهداف المصلين: a passive periphrasis; the verbal noun's owner undergoes the act.
  if (objectiveNoun(hit) && spelledIn(tokens[hit.first - 1], PASSIVE_AUXILIARIES)) {
    const carried = hit.possessed ? antecedent(ctx, hit, []) : undefined;
    const undergoers =
      adjacent?.firstToken === genitiveAt
        ? withCoordinated(actors, adjacent)
        : carried !== undefined
          ? [carried]
          : [];
    return {
      sources: [],
      sourceVia: 'none',
      targets: findTargets(ctx, hit, hit.record.target, undergoers, location),
      ...(location !== undefined ? { location } : {}),
    };
  }

  // التفجير الذي استهدف مسجدا: the relative pronoun's head is the subject; when it names no one, no one is named.
  // With a pronoun on the verb (الاتفاق الذي وقعته روسيا) the head is its object and the subject follows.
  if (
    hit.record.pos === 'verb' &&
    hit.enclitic === undefined &&
    relativeAgrees(tokens[hit.first - 1], tokens[hit.first]!)
  ) {
    // The head may carry adjectives (حركة الشباب الصومالية المتطرفة التي شنت).
    // Not past a noun of an act (أدانت الخارجية الأمريكية التفجير الذي استهدف): that noun is the head.
    const head = inClause.findLast(
      (a) =>
        a.lastToken <= hit.first - 2 &&
        a.lastToken >= hit.first - 4 &&
        canAct(a) &&
        !tokens.slice(a.lastToken + 1, hit.first - 1).some((t) => spelledIn(t, ATTACK_NOUNS)),
    );
    const objectsAfter = aimedAt ?? bare.find((a) => !a.coordinated && a.firstToken <= hit.last + 2);
    // الشهيد مفرح الحامدي والذي استشهد: the head of a verb its subject undergoes is the one it happened to.
    const undergoes = hit.record.undergoer === true || (hit.passive && hit.record.patient === true);
    const objectsNamed =
      undergoes && head !== undefined
        ? [head]
        : objectsAfter === undefined
          ? []
          : withCoordinated(actors, objectsAfter);
    const sources = head === undefined || undergoes ? [] : [head];
    return {
      sources,
      sourceVia: head === undefined ? 'none' : 'subject',
      targets: findTargets(ctx, hit, hit.record.target, objectsNamed, location).filter(
        (t) => !sources.some((s) => sameActor(s, t)),
      ),
      ...(location !== undefined ? { location } : {}),
    };
  }

  // الغارات التركية، القصف الروسي: a nationality adjective on a definite act of force names who did it.
  const adjective =
    FORCE.has(hit.record.type) && hit.record.pos === 'noun' && isDefinite(tokens[hit.first]!)
      ? actors.find(
          (a) =>
            a.firstToken === hit.last + 1 &&
            a.statelike &&
            isDefinite(tokens[a.firstToken]!) &&
            /(?:ي|يه)$/.test(baseWord(tokens[a.firstToken]!)),
        )
      : undefined;
  if (adjective !== undefined) {
    const objectAfter =
      aimedAt ??
      afterTrigger.find(
        (a) =>
          a !== adjective &&
          a.firstToken > adjective.lastToken &&
          a.preposition !== undefined &&
          hit.record.target.includes(a.preposition),
      );
    const objectsNamed = objectAfter === undefined ? [] : withCoordinated(actors, objectAfter);
    return {
      sources: [adjective],
      sourceVia: 'subject',
      targets: findTargets(ctx, hit, hit.record.target, objectsNamed, location).filter(
        (t) => !sameActor(t, adjective),
      ),
      ...(location !== undefined ? { location } : {}),
    };
  }

  let sources: ActorCandidate[] = [];
  let sourceVia: SourceVia = 'none';
  let objects: ActorCandidate[] = [];
  const slots = hit.record.target;

  // اشتباكات بين الحوثيين وقوات صالح: the two sides named after بين.
  const between = hit.record.reciprocal ? betweenPair(ctx, hit) : undefined;
  if (between !== undefined)
    return {
      sources: [between[0]],
      sourceVia: 'subject',
      targets: [between[1]],
      ...(location ? { location } : {}),
    };
  // اشتباكات مع متشددي داعش: the other side is named after مع; the first is not a pair from before.
  const namedWith = afterTrigger.some(
    (a) => a.preposition === 'مع' && a.firstToken <= hit.last + 3 && hit.record.target.includes('مع'),
  );
  if (hit.record.reciprocal && !namedWith && (adjacent === undefined || !sameTypeOfBothSides(tokens, hit))) {
    const pair = reciprocalPair(ctx, hit);
    if (pair !== undefined)
      return {
        sources: [pair[0]],
        sourceVia: 'antecedent',
        targets: [pair[1]],
        ...(location ? { location } : {}),
      };
  }
  if (hit.record.pos === 'noun') {
    // بوتين قبل دعوة من كيم لزيارة كوريا الشمالية: further back, the governing clause's subject still acts.
    // قبل دعوة كيم لزيارة…: the one named right after an invitation invites; the one who accepted it goes.
    const invited =
      preceding !== undefined && isInviter(tokens, preceding) ? invitee(ctx, preceding) : undefined;
    const governing = nounIsComplement(tokens, hit)
      ? (invited ?? preceding ?? (isDefinite(tokens[hit.first]!) ? undefined : governingSubject(ctx, hit)))
      : undefined;
    // زيارة روسيا: a place right after a visit is where it goes, not who goes.
    const placeVisited =
      hit.record.mode === 'visit' && adjacent?.firstToken === genitiveAt && adjacent.type === 'LOC';
    if (governing !== undefined) {
      // كيشيدا مستعد للقاء كيم: the governing subject acts, the possessor is the other side.
      sources = [governing];
      sourceVia = 'subject';
      objects = adjacent?.firstToken === genitiveAt ? withCoordinated(actors, adjacent) : [];
    } else if (placeVisited && !isDefinite(tokens[hit.first]!)) {
      const carried = antecedent(ctx, hit, [adjacent], true);
      if (carried !== undefined) {
        sources = [carried];
        sourceVia = 'antecedent';
      }
      objects = withCoordinated(actors, adjacent);
    } else if (MESSAGE_NOUNS.has(baseWord(tokens[hit.first - 1] ?? tokens[hit.first]!))) {
      // بعث خادم الحرمين الشريفين الملك سلمان … برقية تهنئة لفخامة الرئيس …: the sender is the subject of the
      // verb before the cable, however long the titles; the one after ل receives it.
      const sender = inClause
        .filter((a) => a.lastToken < hit.first - 1 && a.preposition === undefined && canAct(a))
        .at(-1);
      if (sender !== undefined) {
        sources = [sender];
        sourceVia = 'subject';
      }
      const recipient = afterTrigger.find(
        (a) =>
          a.firstToken <= hit.last + 3 &&
          (a.preposition === 'ل' || addressedWithLam(tokens[a.firstToken - 1])) &&
          (sender === undefined || !sameActor(a, sender)),
      );
      if (recipient !== undefined) objects = withCoordinated(actors, recipient);
    } else if (objectiveNoun(hit) && !isDefinite(tokens[hit.first]!) && adjacent?.firstToken === genitiveAt) {
      // اعتقال الناشط: the genitive undergoes the act; اعتقال القاعدة لخمسة ضباط: before ل it is the doer.
      const genitive = withCoordinated(actors, adjacent);
      const end = genitive.at(-1)!.lastToken;
      const after = tokens[end + 1];
      const doerFirst =
        after !== undefined && (cliticPreposition(after) === 'ل' || /^ل[^ا]/.test(after.norm));
      if (doerFirst && canAct(genitive[0]!)) {
        const object = actors.find(
          (a) => a.firstToken > end && a.firstToken <= end + 4 && a.lastToken < clause.end,
        );
        sources = [genitive[0]!];
        sourceVia = 'genitive';
        objects = object === undefined ? [] : withCoordinated(actors, object);
      } else objects = genitive;
    } else if (objectiveNoun(hit) && hit.possessed && objectAfterPossessed(ctx, hit) !== undefined) {
      // اقتحامهم بلدة بيت أمر، استهدافهم منشآت البلاد: with an object after it, the pronoun is the doer.
      const object = objectAfterPossessed(ctx, hit)!;
      const carried = antecedent(ctx, hit, [object]);
      if (carried !== undefined) {
        sources = [carried];
        sourceVia = 'antecedent';
      }
      objects = [object];
    } else if (objectiveNoun(hit) && hit.possessed) {
      // اعتقاله، قمعهم: the pronoun stands for the one who undergoes it, named earlier.
      const carried = antecedent(ctx, hit, []);
      if (carried !== undefined) objects = [carried];
    } else if (!isDefinite(tokens[hit.first]!) && adjacent?.firstToken === genitiveAt) {
      // زيارة كيم، اجتماع لكيم مع…: the possessor acts; a second possessor (اجتماع بوتين وكيم) is the other side.
      const genitive = withCoordinated(actors, adjacent);
      sources = [genitive[0]!];
      sourceVia = 'genitive';
      objects = genitive.slice(1);
    } else if (hit.possessed) {
      const carried = antecedent(ctx, hit, findTargets(ctx, hit, slots, [], location));
      if (carried !== undefined) {
        sources = [carried];
        sourceVia = 'antecedent';
      }
    }
    // Otherwise a bare or definite noun (الزيارة، دعم مالي) names no actor of its own here.
  } else if (pronounSubject) {
    const carried = antecedent(ctx, hit, []);
    if (carried !== undefined) {
      sources = [carried];
      sourceVia = 'antecedent';
    }
    objects = adjacent === undefined ? [] : withCoordinated(actors, adjacent);
  } else if (preceding !== undefined) {
    sources = [preceding];
    sourceVia = 'subject';
    // اختطفت أمس الأحد الدكتور الأشول: the object may sit past a time phrase.
    const object =
      adjacent ??
      (hit.record.pos === 'verb' && slots[0] === 'object' ? bare.find((a) => !a.coordinated) : undefined);
    objects = object === undefined ? [] : withCoordinated(actors, object);
  } else if (adjacent !== undefined && objectPronoun(hit)) {
    // استقبله اللواء الغامدي: with the object a pronoun on the verb, the one named after it is the subject and
    // the object is someone named before.
    sources = [adjacent];
    sourceVia = 'subject';
    const carried = antecedent(ctx, hit, [adjacent], !FORCE.has(hit.record.type));
    objects = carried === undefined ? [] : [carried];
  } else if (adjacent !== undefined) {
    const following = bare.filter((a) => !sameActor(a, adjacent) && !a.coordinated);
    // A place that cannot act (a city, a region) after the verb is its object, the subject dropped.
    // A country after a visit verb is where the visit goes (أول رئيس أمريكي يزور كينيا).
    const placeObject =
      hit.record.pos === 'verb' &&
      (!canAct(adjacent) || (adjacent.type === 'LOC' && hit.record.mode === 'visit'));
    const carried =
      // Only a name right after the verb can be its object with the subject dropped; with a word between
      // (هاجم مسلحو بوكو حرام القرية) the name belongs to the subject.
      (slots[0] === 'object' &&
        following.length === 0 &&
        hit.record.pos === 'verb' &&
        adjacent.firstToken === hit.last + 1) ||
      placeObject
        ? antecedent(ctx, hit, [adjacent], !placeObject)
        : undefined;
    if (carried !== undefined && (clause.first > ctx.sentence.tokenStart || placeObject)) {
      sources = [carried];
      sourceVia = 'antecedent';
      objects = withCoordinated(actors, adjacent);
    } else if (!placeObject) {
      sources = [adjacent];
      sourceVia = hit.record.pos === 'verb' ? 'subject' : 'genitive';
      // استقبل الشيخ محمد بن زايد ولي عهد أبوظبي نائب القائد الأعلى … امس معالي وزير الخارجية عادل الجبير: after a
      // long subject, the person received or met is the next person named in the clause.
      const next =
        following.find((a) => !a.coordinated || a.firstToken > adjacent.lastToken + 2) ??
        (hit.record.type === 'CONSULT' && hit.record.pos === 'verb' && slots[0] === 'object'
          ? inClause.find(
              (a) => a.firstToken > adjacent.lastToken && a.type === 'PER' && a.preposition === undefined,
            )
          : undefined);
      objects = next === undefined ? [] : withCoordinated(actors, next);
    }
  } else {
    // Not one of its own targets (… وشنت غارات على تنظيم داعش: the raids are not Daesh's).
    const carried = antecedent(ctx, hit, findTargets(ctx, hit, slots, [], location));
    if (carried !== undefined) {
      sources = [carried];
      sourceVia = 'antecedent';
    }
  }

  // قُتل 5 أشخاص خلال هجوم شنه مسلحون، قُتل جندي تركي في هجوم شنه متمردون: the doer of the attack the act happened in
  // is neither a second victim nor the subject; taken out here, it becomes the doer below.
  const attackBy =
    FORCE.has(hit.record.type) &&
    (hit.record.patient || hit.record.undergoer || objectiveNoun(hit) || hit.passive)
      ? attackDoer(ctx, hit)
      : undefined;
  if (attackBy !== undefined && attackBy.firstToken > hit.last) {
    objects = objects.filter((o) => !sameActor(o, attackBy));
    if (sources.some((s) => sameActor(s, attackBy))) {
      sources = [];
      sourceVia = 'none';
    }
  }
  // قُتل 5 مدنيين، مقتل جندي، اعتقال الناشط: the one named right after the word undergoes the act; who did it is
  // unknown unless named before it (مسلحون قتلوا…) or after it as a second actor (قتل مسلحون 5 جنود).
  if (hit.record.undergoer) {
    objects = [...sources, ...objects];
    sources = [];
    sourceVia = 'none';
  } else if (hit.record.patient) {
    const named = sources[0];
    const genitive = hit.record.pos === 'noun' && sourceVia === 'genitive';
    // سجنت محكمة كمبودية 11 من أعضاء حزب: a count after the one named is the object; the one named is the subject.
    const lone =
      hit.record.pos === 'verb' &&
      named !== undefined &&
      named.firstToken > hit.first &&
      objects.length === 0 &&
      !countsBetween(tokens, named.lastToken + 1, Math.min(named.lastToken + 2, clause.end));
    // 25 شخصا، معظمهم من المدنيين، قتلوا في انفجار: civilians named before an act with no object underwent it.
    // إن شرطيا قتل: so is a role named without the article before it (an indefinite subject reads as the dead).
    const victims =
      hit.record.pos === 'verb' &&
      named !== undefined &&
      (named.actor.agent === 'CVL' ||
        (named.actor.agent !== undefined &&
          named.actor.entityId === undefined &&
          !isDefinite(tokens[named.firstToken]!) &&
          // ميليشيات الحوثي: a construct with a definite or named genitive is definite.
          (named.lastToken + 1 >= hit.first || !isDefinite(tokens[named.lastToken + 1]!)))) &&
      named.firstToken < hit.first &&
      objects.length === 0;
    // قتل 49 شخصا، 4 جنود قتلوا: people counted by number are the dead, not the killers.
    const numbered = named !== undefined && counted(tokens, named);
    if (genitive || lone || victims || numbered) {
      objects = [...sources, ...objects];
      sources = [];
      sourceVia = 'none';
    } else if (hit.passive && (sourceVia === 'antecedent' || sourceVia === 'subject')) {
      // أُصيب الجندي، الجندي أُصيب: the subject of a passive undergoes the act.
      if (sourceVia === 'subject') objects = [...sources, ...objects];
      sources = [];
      sourceVia = 'none';
    }
  }
  // استهدف التنظيم المصلين: civilians named after an act of force undergo it; they are not its doers.
  if (
    FORCE.has(hit.record.type) &&
    UNARMED.has(sources[0]?.actor.agent ?? '') &&
    sources[0]!.firstToken > hit.first
  ) {
    objects = [...sources, ...objects];
    sources = [];
    sourceVia = 'none';
  }
  // شنت قصفا على مواقع الحوثيين: the owner of the place aimed at is the target whatever slot the act names it by.
  let aimedSlots = slots;
  if (aimedAt !== undefined && objects.length === 0 && !sources.includes(aimedAt)) {
    objects = withCoordinated(actors, aimedAt);
    if (!slots.includes('object')) aimedSlots = ['object', ...slots];
  }
  // استهدف فندقا، أطلقوا النار على سيارة لنقل السجناء: with no one named, the place or thing hit is the target.
  // After على/ضد it fills that slot whatever the object is (findTargets asks the slot's preposition).
  if (FORCE.has(hit.record.type)) {
    const thing = thingAimedAt(ctx, hit, sources);
    // هجوما على مركز للشرطة: the owner of the place is the target; the place is not a second one.
    const ownerNamed = aimedAt !== undefined && objects.includes(aimedAt);
    if (thing?.preposition !== undefined && !ownerNamed) objects = [...objects, thing];
    else if (thing !== undefined && objects.length === 0) objects = [thing];
  }
  // قُتل 5 في هجوم لبوكو حرام: with no doer named before, the one whose attack it was.
  if (
    sources.length === 0 &&
    FORCE.has(hit.record.type) &&
    (hit.record.patient || hit.record.undergoer || objectiveNoun(hit) || hit.passive)
  ) {
    const doer = attackBy ?? attackDoer(ctx, hit);
    if (doer !== undefined && !objects.some((o) => sameActor(o, doer))) {
      sources = [doer];
      sourceVia = 'subject';
    }
  }
  let targets = findTargets(ctx, hit, aimedSlots, objects, location).filter(
    (t) => !sources.some((s) => sameActor(s, t)),
  );
  // أدان التفجير الإرهابي الذي استهدف قوات الطوارئ: what is condemned is the attack, so its doer is the target, and
  // the victims named after it are not.
  const condemned = hit.record.mode === 'condemn' ? condemnedAct(tokens, hit, clause.end) : -1;
  if (condemned >= 0) {
    const doer = doerAfterAttackNoun(ctx, condemned);
    targets = doer === undefined || sources.some((s) => sameActor(s, doer)) ? [] : [doer];
  }
  return {
    sources,
    sourceVia,
    targets,
    ...(location !== undefined ? { location } : {}),
    ...(condemned >= 0 ? { condemnsAct: true } : {}),
  };
}

/** The two sides of a reciprocal act named after بين right after it (اشتباكات بين الجيش والمسلحين). */
function betweenPair(ctx: ArgumentContext, hit: TriggerHit): [ActorCandidate, ActorCandidate] | undefined {
  const { tokens, actors, clause } = ctx;
  for (let i = hit.last + 1; i < clause.end && i <= hit.last + 4; i++) {
    if (baseWord(tokens[i]!) !== 'بين') continue;
    const first = actors.find((a) => a.firstToken > i && a.firstToken <= i + 2 && canAct(a));
    if (first === undefined) return undefined;
    // بين المعارضة ومقاتلين من طرف وقوات النظام … من طرف آخر: the second side comes after "from one side".
    const sideMark = sideMarker(tokens, first.lastToken + 1, clause.end);
    const second =
      sideMark !== undefined
        ? actors.find(
            (a) => a.firstToken > sideMark && a.lastToken < clause.end && canAct(a) && !isAlly(tokens, a),
          )
        : actors.find(
            (a) =>
              a.coordinated &&
              a.firstToken > first.lastToken &&
              a.firstToken <= first.lastToken + 4 &&
              canAct(a) &&
              !isAlly(tokens, a),
          );
    return second === undefined || sameActor(first, second) ? undefined : [first, second];
  }
  return undefined;
}

/** The end of "من طرف" / "من جهة" marking the first side of a clash (… من طرف وقوات النظام … من طرف آخر). */
function sideMarker(tokens: readonly Token[], from: number, end: number): number | undefined {
  for (let i = from; i + 1 < end && i <= from + 12; i++) {
    const word = baseWord(tokens[i + 1]!);
    if (baseWord(tokens[i]!) === 'من' && (word === 'طرف' || word === 'جهه')) return i + 1;
  }
  return undefined;
}

// Words that make the one named after them an ally of the side before (المدعمة بمسلحين، مدعومة بمقاتلي الجيش،
// بغطاء جوي وفرته طائرات التحالف، الموالين لها).
const ALLY_MARKS = /^(?:ال)?(?:مدعم|مدعوم|موال|مسنود)|^ب(?:دعم|غطاء|مسانده|اسناد)/;

/** Whether one of the two words before the actor makes it an ally, not a side of its own. */
function isAlly(tokens: readonly Token[], a: ActorCandidate): boolean {
  for (let i = a.firstToken - 1; i >= 0 && i >= a.firstToken - 2; i--)
    if (ALLY_MARKS.test(tokens[i]!.norm.replace(/^[وف]/, ''))) return true;
  const own = tokens[a.firstToken]!.norm.replace(/^[وف]/, '');
  return /^ب(?:مقاتل|مسلح|عناصر|قوات)/.test(own) && ALLY_MARKS.test(tokens[a.firstToken - 1]?.norm ?? '');
}

// Words that name the doer right after them: على يد/أيدي، بأيدي، برصاص، بنيران، من قبل.
const AGENT_MARKERS_AFTER_ALA = new Set(['يد', 'ايدي']);
const AGENT_MARKERS = new Set(['بايدي', 'بيد', 'برصاص', 'بنيران', 'بنار']);

/** The actor an agent phrase after the act names (… على أيدي مستوطنين، … برصاص قناص، … من قبل الشرطة). */
function agentPhraseActor(ctx: ArgumentContext, hit: TriggerHit): ActorCandidate | undefined {
  const { tokens, actors, clause } = ctx;
  // ينسحبون … جراء الهزائم على يد المقاومة: the phrase names who did a blow, not who withdrew or spoke.
  if (!FORCE.has(hit.record.type) && !hit.passive) return undefined;
  for (let i = hit.last + 1; i < clause.end && i <= hit.last + 8; i++) {
    const word = tokens[i]!.norm;
    const previous = i > 0 ? tokens[i - 1]!.norm : '';
    // حصار الحوثيين للمدينة قبل دحرهم من قبل المقاومة: a connector opens another act the phrase belongs to.
    if (CONNECTORS.has(word) && !(word === 'قبل' && previous === 'من')) return undefined;
    const marker =
      AGENT_MARKERS.has(word) ||
      (AGENT_MARKERS_AFTER_ALA.has(word) && previous === 'علي') ||
      (word === 'قبل' && previous === 'من');
    if (!marker) continue;
    return actors.find(
      (a) => a.firstToken > i && a.firstToken <= i + 2 && a.lastToken < clause.end && a.type !== 'LOC',
    );
  }
  return undefined;
}

// Words that start another act of the sentence (قبل دحرهم، بعد أن، حتى، ثم، عندما).
const CONNECTORS = new Set(['قبل', 'بعد', 'حتي', 'ثم', 'عندما', 'حين', 'حينما', 'منذ', 'اثر', 'عقب']);

// Words putting an attack as the cause of what happened (في هجوم، جراء القصف، خلال الاشتباكات).
const CAUSE_WORDS = new Set(['في', 'جراء', 'خلال', 'اثر', 'بسبب', 'نتيجه']);
const CLAIMED = new Set(['تبني', 'تبنت', 'تبنوا']);
const PART_OF = new Set(['بعضها', 'معظمها', 'اغلبها', 'جميعها', 'احدها']);

const LIGHT_VERBS = new Set([
  'شنه',
  'شنها',
  'نفذه',
  'نفذها',
  'ارتكبه',
  'ارتكبها',
  'تبناه',
  'تبنته',
  'قاده',
  'قادها',
  'نظمه',
  'نظمها',
  'شنته',
  'نفذته',
  'ارتكبته',
  'نظمته',
  'شنتها',
  'نفذتها',
  'ارتكبتها',
  'نظمتها',
  'شنوه',
  'شنوها',
  'نفذوه',
  'نفذوها',
]);
// Number words that count the people a word is about (ثلاثة جنود، عشرات المتظاهرين، آلاف).
const COUNT_WORDS = new Set([
  'واحد',
  'اثنين',
  'اثنان',
  'ثلاثه',
  'ثلاث',
  'اربعه',
  'اربع',
  'خمسه',
  'خمس',
  'سته',
  'ست',
  'سبعه',
  'سبع',
  'ثمانيه',
  'ثماني',
  'تسعه',
  'تسع',
  'عشره',
  'عشر',
  'عشرات',
  'مءات',
  'مءه',
  'الاف',
  'الف',
  'عدد',
  'من',
  'نحو',
  'حوالي',
  'اكثر',
  'اقل',
  'قرابه',
  'زهاء',
  'عشرين',
  'ثلاثين',
  'اربعين',
  'خمسين',
]);

/** Whether a number or a count word (not only من) sits in [from, to). */
function countsBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.type === 'number' || /^[0-9]+$/.test(token.norm)) return true;
    const word = baseWord(token);
    if (word !== 'من' && word !== 'نحو' && word !== 'حوالي' && COUNT_WORDS.has(word)) return true;
  }
  return false;
}

/** The first token at or after `at` that is not part of a count (5، ثلاثة، عشرات من، أكثر من 20). */
function afterCount(tokens: readonly Token[], at: number, end: number): number {
  let i = at;
  while (i < end && i < at + 5) {
    const token = tokens[i]!;
    if (token.type === 'number' || /^[0-9]+$/.test(token.norm) || COUNT_WORDS.has(baseWord(token))) i++;
    else break;
  }
  return i;
}

/**
 * The subject of the clause governing a complement verbal noun, when it sits further back than NOUN_SUBJECT_GAP:
 * the nearest actor before the trigger in its clause, not after a preposition, able to act.
 */
function governingSubject(ctx: ArgumentContext, hit: TriggerHit): ActorCandidate | undefined {
  return ctx.actors
    .filter((a) => within(a, ctx.clause.first, hit.first) && a.preposition === undefined && canAct(a))
    .at(-1);
}

// Nouns of an offer or invitation whose genitive is the one offering (دعوة كيم، عرض الصين، طلب موسكو).
const INVITATION_NOUNS = new Set(['دعوه', 'دعوات', 'عرض', 'طلب']);

/** Whether the actor is the genitive of an invitation noun right before it (دعوة كيم), so it invites. */
function isInviter(tokens: readonly Token[], actor: ActorCandidate): boolean {
  const previous = tokens[actor.firstToken - 1];
  return previous !== undefined && !isDefinite(previous) && INVITATION_NOUNS.has(baseWord(previous));
}

/** Who took up an invitation: the nearest actor able to act before the invitation noun, in the clause. */
function invitee(ctx: ArgumentContext, inviter: ActorCandidate): ActorCandidate | undefined {
  return ctx.actors
    .filter(
      (a) => within(a, ctx.clause.first, inviter.firstToken - 1) && a.preposition === undefined && canAct(a),
    )
    .at(-1);
}

// Nouns naming a kind of place: the name after them (بمدينة غومبيه، في محافظة لحج) is where, not who.
const PLACE_NOUNS = new Set([
  'مدينه',
  'منطقه',
  'محافظه',
  'قريه',
  'بلده',
  'حي',
  'ولايه',
  'اقليم',
  'مديريه',
  'مقاطعه',
  'العاصمه',
  'عاصمه',
  'ريف',
  'مخيم',
  'ضاحيه',
  'جزيره',
  'بلدات',
  'قري',
  'مدن',
  'مناطق',
  'محافظات',
  'احياء',
  'شمال',
  'جنوب',
  'شرق',
  'غرب',
  'وسط',
  'شرقي',
  'غربي',
  'شمالي',
  'جنوبي',
]);
const DIRECTIONS = new Set(['شمال', 'جنوب', 'شرق', 'غرب', 'شمالي', 'جنوبي', 'شرقي', 'غربي', 'وسط']);
// Places, positions and belongings an act of force is aimed at: their owner named after them (مواقع الحوثيين،
// مسجد قوات الطوارئ، منزل القيادي) is the one attacked, not the attacker.
const AIMED_AT_NOUNS = new Set([
  'موقع',
  'مواقع',
  'مقر',
  'مقرات',
  'مقار',
  'منزل',
  'منازل',
  'بيت',
  'بيوت',
  'مسجد',
  'معسكر',
  'معسكرات',
  'تجمع',
  'تجمعات',
  'معقل',
  'معاقل',
  'مركز',
  'مراكز',
  'دوريه',
  'دوريات',
  'دوريتين',
  'اليات',
  'اليه',
  'اليتين',
  'عربه',
  'عربات',
  'سياره',
  'سيارات',
  'موكب',
  'قافله',
  'مبني',
  'مباني',
  'مستودع',
  'مستودعات',
  'مخزن',
  'مخازن',
  'اهداف',
  'هدف',
  'مخابء',
  'مخبا',
  'ثكنه',
  'ثكنات',
  'نقطه',
  'نقاط',
  'حاجز',
  'حواجز',
  'مطار',
  'قاعده',
  'سفاره',
  'قنصليه',
  'مكتب',
  'مكاتب',
  'مدرعه',
  'مدرعات',
  'طائره',
  'طائرات',
  'سفينه',
  'زورق',
  'قوارب',
  'مواكب',
]);
// Nouns of an attack: a killing "in an attack by X" (قُتل 5 في هجوم لبوكو حرام، في غارات للتحالف) was done by X.
const ATTACK_NOUNS = new Set([
  'هجومين',
  'تفجيرين',
  'غارتين',
  'ضربتين',
  'هجوم',
  'هجمات',
  'هجمه',
  'غاره',
  'غارات',
  'قصف',
  'ضربه',
  'ضربات',
  'تفجير',
  'تفجيرات',
  'كمين',
  'كماين',
  'اعتداء',
  'اعتداءات',
  'عمليه',
  'هجوما',
]);
// The quotation finder's relative pronouns, and the feminine plurals it has no use for.
const RELATIVES: ReadonlySet<string> = new Set([...QUOTE_RELATIVES, 'اللواتي', 'اللاتي']);
/**
 * Whether a relative pronoun right before a verb can be its subject: the verb agrees with it (التفجير الذي استهدف،
 * المسلحون الذين هاجموا). Not «المناطق التي ينسحبون منها»: there the head is a place and the subject a pronoun.
 */
function relativeAgrees(relative: Token | undefined, verb: Token): boolean {
  if (!spelledIn(relative, RELATIVES)) return false;
  const pronoun = baseWord(relative!);
  const word = baseWord(verb);
  const plural = /(?:وا|ون)$/.test(word);
  const feminine = /ت$/.test(word) || /^[وف]?[ست]/.test(word);
  if (pronoun === 'الذي') return !plural && !feminine;
  if (pronoun === 'التي') return feminine && !plural;
  if (pronoun === 'الذين') return plural;
  return true;
}

// Verbs of a passive periphrasis with a verbal noun (تم اعتقاله، جرى استهداف المصلين): the noun's owner undergoes it.
const PASSIVE_AUXILIARIES = new Set(['تم', 'يتم', 'سيتم', 'تمت', 'جري', 'يجري', 'جرت', 'تجري']);

/** Whether one of the token's spellings (with and without clitics) is in the set. */
function spelledIn(token: Token | undefined, words: ReadonlySet<string>): boolean {
  return token !== undefined && hasLookupKey(token, words);
}

/** The name follows a noun of place (بمدينة غومبيه، في محافظة لحج) that a preposition governs: it says where. */
function namedAsPlace(tokens: readonly Token[], a: ActorCandidate): boolean {
  const head = tokens[a.firstToken - 1];
  if (!spelledIn(head, PLACE_NOUNS)) return false;
  // شمال اربيل، جنوبي القاهرة: a direction needs no preposition to say where.
  if (spelledIn(head, DIRECTIONS)) return true;
  if (cliticPreposition(head!) !== undefined || /^[وف]?[بل]/.test(head!.norm)) return true;
  const before = tokens[a.firstToken - 2];
  return before !== undefined && (baseWord(before) === 'في' || baseWord(before) === 'من');
}

// Nouns of membership between a count and its group (خمسة من أفراد الجيش، ثلاثة من عناصر الشرطة).
const MEMBERS = new Set([
  'افراد',
  'عناصر',
  'اعضاء',
  'منتسبي',
  'منسوبي',
  'مسلحي',
  'مقاتلي',
  'جنود',
  'زعماء',
  'قاده',
  'قياديي',
]);

/** The group a count is taken from, after the slot's preposition written as a word (على ثلاثة من زعماء حزب الله). */
function countedAfterPreposition(
  ctx: ArgumentContext,
  hit: TriggerHit,
  slot: string,
): ActorCandidate | undefined {
  const { tokens, clause } = ctx;
  for (let i = hit.last + 1; i < clause.end && i <= hit.last + 6; i++) {
    if (baseWord(tokens[i]!) !== slot) continue;
    const end = afterCount(tokens, i + 1, clause.end);
    return countsBetween(tokens, i + 1, end) ? partitiveGroup(ctx, end) : undefined;
  }
  return undefined;
}

/**
 * The group named after من where a count ends (… خمسة من أفراد الجيش), without its preposition: it stands where the
 * genitive would. A membership noun may sit between من and the group.
 */
function partitiveGroup(ctx: ArgumentContext, at: number): ActorCandidate | undefined {
  const { tokens, actors, clause } = ctx;
  // The count may have taken من with it (عشرات من).
  let i = at;
  // ثلاثة عناصر من الجيش: the membership noun may come before من.
  if (spelledIn(tokens[i], MEMBERS) && i + 1 < clause.end && baseWord(tokens[i + 1]!) === 'من') i += 2;
  else if (i < clause.end && baseWord(tokens[i]!) === 'من') i++;
  else if (baseWord(tokens[i - 1]!) !== 'من') return undefined;
  // زعماء «حزب الله»: a quotation mark may open the group's name.
  const quoted = (k: number): number =>
    tokens[k]?.type === 'punct' && /^[«"“]$/.test(tokens[k]!.text) ? k + 1 : k;
  const group =
    actors.find((a) => a.firstToken === quoted(i) && a.lastToken < clause.end) ??
    (spelledIn(tokens[i], MEMBERS)
      ? actors.find((a) => a.firstToken === quoted(i + 1) && a.lastToken < clause.end)
      : undefined);
  if (group === undefined || (group.type === 'LOC' && !group.statelike)) return undefined;
  const { preposition: _from, ...rest } = group;
  return rest;
}

/** A number or a count word right before the participant (قتل 49 شخصا، مقتل نحو ثمانية مقاتلين): people counted. */
function counted(tokens: readonly Token[], a: ActorCandidate): boolean {
  for (let i = a.firstToken - 1; i >= 0 && i >= a.firstToken - 3; i--) {
    const token = tokens[i]!;
    if (token.type === 'number' || /^[0-9٠-٩]+$/.test(token.norm)) return true;
    const word = baseWord(token);
    if (word === 'من' || word === 'نحو' || word === 'حوالي') continue;
    return COUNT_WORDS.has(word) && word !== 'عدد';
  }
  return false;
}

const FORCE_FLAGGED = (hit: TriggerHit): boolean => FORCE.has(hit.record.type);

/** A verbal noun whose genitive undergoes the act (اعتقال الناشط، استهداف المصلين، قمعهم), not does it. */
function objectiveNoun(hit: TriggerHit): boolean {
  return hit.record.pos === 'noun' && FORCE_FLAGGED(hit) && hit.record.target[0] === 'object';
}

// Things and places an attack is aimed at, beyond AIMED_AT_NOUNS' positions: buildings, villages, roads.
const THINGS_HIT = new Set([
  'فندق',
  'فندقا',
  'جسر',
  'جسور',
  'قريه',
  'قري',
  'مدرسه',
  'مدارس',
  'مستشفي',
  'كنيسه',
  'سوق',
  'محطه',
  'حافله',
  'حافلات',
  'منشاه',
  'منشات',
  'مصنع',
  'حي',
  'احياء',
  'مخيم',
  'مبني',
  'شاحنه',
  'ناقله',
  'سفينه',
  'انبوب',
  'خط',
]);

// Adjectives that make a thing the weapon of an attack (سيارة مفخخة، حزام ناسف، دراجة ملغومة).
const INSTRUMENT_ADJECTIVES = new Set([
  'مفخخه',
  'مفخخ',
  'مفخخات',
  'ناسفه',
  'ناسف',
  'ناسفات',
  'ملغومه',
  'ملغوم',
]);

/** The noun right after the act (or after على/ضد) naming the place or thing it hit, as a target of its own. */
function thingAimedAt(
  ctx: ArgumentContext,
  hit: TriggerHit,
  sources: readonly ActorCandidate[],
): ActorCandidate | undefined {
  const { tokens, clause } = ctx;
  let i = hit.last + 1;
  for (const s of sources) if (s.firstToken <= i && s.lastToken >= i) i = s.lastToken + 1;
  const word = i < clause.end ? baseWord(tokens[i]!) : '';
  const preposition = word === 'علي' || word === 'ضد' ? word : undefined;
  if (preposition !== undefined) i++;
  else if (hit.record.target[0] !== 'object') return undefined;
  const token = tokens[i];
  if (token === undefined || i >= clause.end || token.type !== 'word') return undefined;
  if (!spelledIn(token, AIMED_AT_NOUNS) && !spelledIn(token, THINGS_HIT)) return undefined;
  // The noun and its adjective (دورية أمنية، سيارة مفخخة), not the clitic before it.
  const start = token.parts?.find((p) => p.role === 'base' || p.role === 'article')?.start ?? token.start;
  const next = tokens[i + 1];
  const adjective =
    next !== undefined &&
    i + 1 < clause.end &&
    next.type === 'word' &&
    /(?:ي|يه|يا)$/.test(next.norm) &&
    !next.parts;
  // سيارة مفخخة، عبوة ناسفة: the weapon, not what it hit.
  if (spelledIn(next, INSTRUMENT_ADJECTIVES)) return undefined;
  const last = adjective ? i + 1 : i;
  const end = tokens[last]!.end;
  return {
    actor: { start, end, text: ctx.text.slice(start, end) },
    type: 'LOC',
    statelike: false,
    firstToken: i,
    lastToken: last,
    coordinated: false,
    ...(preposition !== undefined ? { preposition } : {}),
  };
}

// Nouns of a crime or an attack that is condemned (الحادث الإرهابي، الجريمة، العمل الإرهابي، المجزرة).
const CRIMES = new Set([
  'حادث',
  'حادثه',
  'جريمه',
  'جراءم',
  'عمل',
  'اعمال',
  'مجزره',
  'مجازر',
  'تفجيرين',
  'انفجار',
]);

/** The attack or crime a condemnation names first after it (أدان بشدة التفجير…), or -1. */
function condemnedAct(tokens: readonly Token[], hit: TriggerHit, end: number): number {
  for (let i = hit.last + 1; i < end && i <= hit.last + 3; i++) {
    const token = tokens[i]!;
    if (spelledIn(token, ATTACK_NOUNS) || spelledIn(token, CRIMES)) return i;
    if (token.type !== 'word') return -1;
  }
  return -1;
}

/** Whether a preposition stands right before the trigger (على قتل، من قتل، في استهداف). */
function afterPreposition(tokens: readonly Token[], hit: TriggerHit): boolean {
  const clitic = cliticPreposition(tokens[hit.first]!);
  if (clitic !== undefined && clitic !== 'ك') return true;
  const previous = tokens[hit.first - 1];
  return (
    previous !== undefined && (COMPLEMENT_PREPOSITIONS.has(baseWord(previous)) || baseWord(previous) === 'من')
  );
}

/** The object right after a verbal noun carrying a pronoun: a participant, or a place or thing hit (اقتحامهم بلدة). */
function objectAfterPossessed(ctx: ArgumentContext, hit: TriggerHit): ActorCandidate | undefined {
  const named = ctx.actors.find(
    (a) => a.firstToken === hit.last + 1 && a.preposition === undefined && a.lastToken < ctx.clause.end,
  );
  if (named !== undefined) return named;
  const next = ctx.tokens[hit.last + 1];
  if (next === undefined || isDefinite(next)) return undefined;
  if (spelledIn(next, AIMED_AT_NOUNS) || spelledIn(next, THINGS_HIT)) return thingAimedAt(ctx, hit, []);
  if (!spelledIn(next, PLACE_NOUNS) || next.type !== 'word') return undefined;
  // اقتحامهم بلدة بيت أمر: the place noun and the name after it.
  const last = Math.min(hit.last + 3, ctx.clause.end - 1);
  let end = hit.last + 1;
  while (end < last && ctx.tokens[end + 1]!.type === 'word') end++;
  const start = next.start;
  return {
    actor: { start, end: ctx.tokens[end]!.end, text: ctx.text.slice(start, ctx.tokens[end]!.end) },
    type: 'LOC',
    statelike: false,
    firstToken: hit.last + 1,
    lastToken: end,
    coordinated: false,
  };
}

/** An attack noun right before the verb, maybe with an adjective or a number between (التفجيرين استهدفا، هجوم انتحاري استهدف). */
function attackBefore(tokens: readonly Token[], hit: TriggerHit, clauseFirst: number): number {
  for (let i = hit.first - 1; i >= clauseFirst && i >= hit.first - 2; i--) {
    if (spelledIn(tokens[i], ATTACK_NOUNS)) return i;
    if (!/(?:ي|يه|يا|ين|ان)$/.test(tokens[i]!.norm)) return -1;
  }
  return -1;
}

const OPERATIONS = new Set(['عمليات', 'حمله', 'حملات']);
// Verbs that launch an attack named as their object (شن غارات، نفذ هجوما).
const LAUNCH = verbLemmas([
  ['شن', 'يشن'],
  ['نفذ', 'ينفذ'],
  ['قاد', 'يقود'],
]);

/** The subject of the verb launching the attack noun at `noun` (شنت مقاتلات التحالف … غارات، القوات نفذت هجوما). */
function launcherOf(ctx: ArgumentContext, noun: number): ActorCandidate | undefined {
  const { tokens, actors, sentence } = ctx;
  // A time phrase set off by commas may stand between (شنت مقاتلات التحالف، أمس، غارات).
  // هجمات المتطرفين: an attack with a doer of its own in the genitive was not launched by another.
  if (actors.some((a) => a.firstToken === noun + 1 && a.preposition === undefined)) return undefined;
  for (let i = noun - 1; i >= sentence.tokenStart && i >= noun - 12; i--) {
    // يشن الجيش عمليات … لصد هجمات: the verb launches the nearer act, not this one.
    if (i < noun - 1 && (spelledIn(tokens[i], ATTACK_NOUNS) || spelledIn(tokens[i], OPERATIONS)))
      return undefined;
    if (!isVerbOf(LAUNCH, tokens[i])) continue;
    return subjectOfVerb(actors, i, noun);
  }
  return undefined;
}

/** The actor named after an attack noun following the act (قُتل … في هجوم لبوكو حرام، في غارة شنها التحالف). */
function attackDoer(ctx: ArgumentContext, hit: TriggerHit): ActorCandidate | undefined {
  const { tokens, clause } = ctx;
  // After the act first (قُتل 5 في هجوم لبوكو حرام), then before it (جراء الغارات التركية بعد مقتل مواطنين).
  for (let i = hit.last + 1; i < clause.end && i <= hit.last + 10; i++) {
    if (!spelledIn(tokens[i], ATTACK_NOUNS)) continue;
    const doer = doerAfterAttackNoun(ctx, i);
    if (doer !== undefined) return doer;
  }
  for (let i = hit.first - 1; i >= clause.first && i >= hit.first - 8; i--) {
    if (spelledIn(tokens[i], ATTACK_NOUNS)) return doerAfterAttackNoun(ctx, i, hit.first);
  }
  // قُتل 30 شخصا … ، بحسب ما أفادت مصادر، في هجمات تبنى بعضها تنظيم داعش: the attacks the killing happened in may be
  // told at the end of the sentence, after في or جراء.
  for (let i = hit.last + 2; i < ctx.sentence.tokenEnd && i <= hit.last + 30; i++) {
    const before = tokens[i - 1];
    if (!spelledIn(tokens[i], ATTACK_NOUNS) || before === undefined || !CAUSE_WORDS.has(baseWord(before)))
      continue;
    const doer = doerAfterAttackNoun(ctx, i, ctx.sentence.tokenEnd);
    if (doer !== undefined) return doer;
  }
  return undefined;
}

function doerAfterAttackNoun(
  ctx: ArgumentContext,
  noun: number,
  before = ctx.clause.end,
): ActorCandidate | undefined {
  let from = noun + 1;
  // هجوم بقاذفة صواريخ شنه متمردون: the weapon may come between the attack and the verb carrying it.
  const light = [1, 2, 3, 4].map((k) => noun + k).find((k) => LIGHT_VERBS.has(ctx.tokens[k]?.norm ?? ''));
  if (light !== undefined && light < before) from = light + 1;
  // هجمات تبنى بعضها تنظيم داعش: the one claiming the attacks.
  if (light === undefined && CLAIMED.has(baseWord(ctx.tokens[from] ?? ctx.tokens[noun]!))) {
    from++;
    if (PART_OF.has(ctx.tokens[from]?.norm ?? '')) from++;
  }
  return ctx.actors.find(
    (a) =>
      a.firstToken >= from &&
      a.firstToken <= from + 2 &&
      a.lastToken < before &&
      // A nationality adjective (الغارات التركية) carries the empty preposition of its head.
      (a.preposition === undefined || a.preposition === 'ل' || a.preposition === '') &&
      canAct(a) &&
      !UNARMED.has(a.actor.agent ?? ''),
  );
}

const PERFORM = verbLemmas([['قام', 'يقوم']]);

/** The subject of قام before a ب + verbal noun (قامت القوات باستهداف، القوات قامت بقصف). */
function performerOf(ctx: ArgumentContext, hit: TriggerHit): ActorCandidate | undefined {
  const { tokens, actors, clause } = ctx;
  if (cliticPreposition(tokens[hit.first]!) !== 'ب' && !/^[وف]?ب/.test(tokens[hit.first]!.norm))
    return undefined;
  for (let i = hit.first - 1; i >= clause.first && i >= hit.first - 6; i--) {
    if (!isVerbOf(PERFORM, tokens[i])) continue;
    return subjectOfVerb(actors, i, hit.first);
  }
  return undefined;
}

// Verbs whose subject does the act of the verbal noun they govern through a preposition: managing (تمكن من، نجح في،
// استطاع)، daring or setting about (أقدم على، عمد إلى، شرع في، باشر، سارع إلى)، going on (واصل، استمر في، عاود)، and
// avenging by (انتقم ب). Not attempts or plans (حاول، خطط، هدد): those acts are not told as done.
const CONTROL = verbLemmas([
  ['تمكن', 'يتمكن'],
  ['نجح', 'ينجح'],
  ['استطاع', 'يستطيع'],
  ['أقدم', 'يقدم'],
  ['عمد', 'يعمد'],
  ['تعمد', 'يتعمد'],
  ['شرع', 'يشرع'],
  ['باشر', 'يباشر'],
  ['سارع', 'يسارع'],
  ['واصل', 'يواصل'],
  ['استمر', 'يستمر'],
  ['عاود', 'يعاود'],
  ['انتقم', 'ينتقم'],
]);

/** A small index of verb lemmas (past, present): every inflection matches through the morphology, not a list of forms. */
function verbLemmas(pairs: readonly (readonly [string, string])[]): MorphIndex {
  return createMorphIndex(
    pairs.map(([past, present]) => ({ kind: 'verb' as const, id: past, past, present, intransitive: true })),
  );
}

/** Whether the token is a told inflection of one of the index's verbs, with no object pronoun (شنه is another use). */
function isVerbOf(verbs: MorphIndex, token: Token | undefined): boolean {
  if (token === undefined || token.type !== 'word' || !verbs.mayName(token.norm)) return false;
  // Not an imperative: news tells, and the particle قد reads as the imperative of قاد.
  return verbs
    .analyze(token.norm)
    .some((r) => r.pos === 'verb' && r.enclitic === undefined && r.aspect !== 'imperative');
}

/** The subject of the verb at `verb`: the one named after it before `end` (VSO), else right before it (SVO). */
function subjectOfVerb(
  actors: readonly ActorCandidate[],
  verb: number,
  end: number,
): ActorCandidate | undefined {
  return (
    actors.find(
      (a) => a.firstToken > verb && a.lastToken < end && a.preposition === undefined && canAct(a),
    ) ??
    actors.findLast(
      (a) => a.lastToken < verb && a.lastToken >= verb - 3 && a.preposition === undefined && canAct(a),
    )
  );
}

/** The subject of a verb of managing or daring before a preposition + verbal noun (نجحت الطائرات في تدمير). */
function controllerOf(ctx: ArgumentContext, hit: TriggerHit): ActorCandidate | undefined {
  const { tokens, actors, clause } = ctx;
  const token = tokens[hit.first]!;
  const clitic = cliticPreposition(token);
  const previous = tokens[hit.first - 1];
  const governed =
    (clitic !== undefined && clitic !== 'ك') ||
    (previous !== undefined &&
      (COMPLEMENT_PREPOSITIONS.has(baseWord(previous)) || baseWord(previous) === 'من'));
  if (!governed) return undefined;
  // A long name with its nationality between dashes may stand between (أقدم / X – سعودي الجنسية – على قتل).
  for (let i = hit.first - 1; i >= clause.first && i >= hit.first - 14; i--) {
    if (!isVerbOf(CONTROL, tokens[i])) continue;
    return subjectOfVerb(actors, i, hit.first);
  }
  return undefined;
}

/** An honorific carrying ل before a name (لفخامة، لجلالة، لسمو، لدولة، لمعالي): the name is addressed. */
function addressedWithLam(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    (cliticPreposition(token) === 'ل' ||
      /^ل(?:فخامه|جلاله|سمو|دوله|معالي|سماحه|الرءيس|الملك)/.test(token.norm))
  );
}

/** A verb carrying its object as a pronoun (استقبله، هاجمهم، اعتقلتها). */
function objectPronoun(hit: TriggerHit): boolean {
  return hit.record.pos === 'verb' && hit.enclitic !== undefined && hit.record.target[0] === 'object';
}

/** Whether an actor may act: people, organizations, groups, and places that stand for a state (countries, capitals). */
function canAct(a: ActorCandidate): boolean {
  return a.type !== 'LOC' || a.statelike;
}

const PRONOUN_COMPLEMENTIZERS = new Set(['انه', 'انها', 'انهم', 'انهما', 'اننا', 'انني']);

function hasPronounComplementizer(tokens: readonly Token[], hit: TriggerHit, clauseFirst: number): boolean {
  const previous = tokens[hit.first - 1];
  return (
    hit.first - 1 >= clauseFirst && previous !== undefined && PRONOUN_COMPLEMENTIZERS.has(baseWord(previous))
  );
}

function sameTypeOfBothSides(tokens: readonly Token[], hit: TriggerHit): boolean {
  const next = tokens[hit.first + 1];
  return next === undefined || !BOTH_SIDES.has(baseWord(next));
}

/** The two sides of a reciprocal act: the two latest different actors before it in the sentence, people first. */
function reciprocalPair(ctx: ArgumentContext, hit: TriggerHit): [ActorCandidate, ActorCandidate] | undefined {
  // A city or a region does not clash or agree: only those who can act, and for force only in the act's clause.
  const from = FORCE.has(hit.record.type) ? ctx.clause.first : 0;
  const before = ctx.actors.filter(
    (a) => a.firstToken >= from && a.lastToken < hit.first && canAct(a) && !isAlly(ctx.tokens, a),
  );
  const people = before.filter((a) => a.type === 'PER');
  const pool = people.length >= 2 ? people : before;
  const last = pool.at(-1);
  if (last === undefined) return undefined;
  const other = pool.findLast((a) => !sameActor(a, last));
  return other === undefined ? undefined : [other, last];
}

function findTargets(
  ctx: ArgumentContext,
  hit: TriggerHit,
  slots: readonly string[],
  objects: readonly ActorCandidate[],
  location: ActorCandidate | undefined,
): ActorCandidate[] {
  const { actors, clause, tokens } = ctx;
  for (const slot of slots) {
    if (slot === 'object') {
      if (objects.length > 0) return [...objects];
      continue;
    }
    if (slot === 'clause') {
      for (let i = hit.last + 1; i < ctx.sentence.tokenEnd && i <= hit.last + 6; i++) {
        if (!isComplementizer(tokens[i]!)) continue;
        const first = actors.find((a) => a.firstToken > i && a.firstToken <= i + 3);
        if (first !== undefined) return withCoordinated(actors, first);
        break;
      }
      continue;
    }
    if (slot === 'place') {
      const country = location === undefined ? undefined : ctx.countryOf(location);
      if (country !== undefined) return [country];
      continue;
    }
    const first = actors.find(
      (a) =>
        a.preposition === slot &&
        a.firstToken > hit.first &&
        a.firstToken <= hit.last + 12 &&
        a.lastToken < clause.end,
    );
    if (first !== undefined) return withCoordinated(actors, first);
    // فرضت عقوبات على ثلاثة من زعماء حزب الله: the group a count after the slot's preposition is taken from.
    const counted = countedAfterPreposition(ctx, hit, slot);
    if (counted !== undefined) return [counted];
    // A place or thing hit, named after the slot's preposition (أطلقوا النار على سيارة).
    const thing = objects.find((o) => o.preposition === slot);
    if (thing !== undefined) return [thing];
  }
  return [];
}

// Plurals naming members of a force, in construct with the group (عناصر داعش، قوات الحوثي، ميليشيات صالح).
const GROUP_NOUNS = new Set([
  'عناصر',
  'جنود',
  'افراد',
  'قوات',
  'ميليشيات',
  'مليشيات',
  'ميليشيا',
  'مليشيا',
  'كتاءب',
  'فصاءل',
  'طاءرات',
  'مقاتلات',
]);

/**
 * A role in construct with the group it belongs to is one participant (مقاتلو المقاومة، جنود الاحتلال، مسلحي
 * الحوثي): the role, indefinite and without the ن of a sound plural, followed at once by a definite group or a name.
 * The joined actor is the group's, spanning both words.
 */
export function joinConstructs(
  text: string,
  tokens: readonly Token[],
  actors: readonly ActorCandidate[],
): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  for (let k = 0; k < actors.length; k++) {
    const role = actors[k]!;
    const group = actors[k + 1];
    const last = tokens[role.lastToken]!;
    const joins =
      group !== undefined &&
      role.actor.agent !== undefined &&
      role.actor.entityId === undefined &&
      group.firstToken === role.lastToken + 1 &&
      group.preposition === undefined &&
      // جيش نيجيريا، مجلس حضرموت: a place's army or council is the place's, not a group of its own.
      group.type !== 'LOC' &&
      !group.statelike &&
      !isDefinite(last) &&
      // A plural of members: a sound plural in construct (مقاتلو، مسلحي) or a group noun; not a title (رئيس مجلس
      // النواب نبيه بري is the speaker's title and name).
      (/[وي]$/.test(baseWord(last)) || spelledIn(last, GROUP_NOUNS)) &&
      (group.actor.entityId !== undefined || isDefinite(tokens[group.firstToken]!));
    if (!joins) {
      out.push(role);
      continue;
    }
    out.push({
      ...group,
      actor: { ...group.actor, start: role.actor.start, text: text.slice(role.actor.start, group.actor.end) },
      firstToken: role.firstToken,
      ...(role.preposition !== undefined ? { preposition: role.preposition } : {}),
      coordinated: role.coordinated,
    });
    k++;
  }
  return out;
}

// Title nouns that, right after a person's name, open the person's own title (محمد النويصر رئيس نادي …).
const TITLES = new Set([
  'رءيس',
  'رءيسه',
  'وزير',
  'وزيره',
  'ناءب',
  'امين',
  'مدير',
  'مديره',
  'سفير',
  'قاءد',
  'محافظ',
  'امير',
  'عضو',
  'مستشار',
  'رءيسا',
]);

/**
 * Drops what a person's title in apposition names (انتقد محمد النويصر رئيس نادي الهلال، خالد بحاح رئيس مجلس الوزراء،
 * رئيسة البرلمان برونوين بيشوب): the role word and the body it heads are the person's, not other participants.
 * A title followed by a name of its own (استقبل الملك سلمان رئيس الوزراء الباكستاني نواز شريف) is another person, kept.
 */
export function withoutTitlesInApposition(
  text: string,
  tokens: readonly Token[],
  actors: readonly ActorCandidate[],
): ActorCandidate[] {
  const dropped = new Set<ActorCandidate>();
  const titled = new Map<ActorCandidate, ActorCandidate>();
  // تفجيرين انتحاريين، هجمات انتحارية: "suicide" agreeing with an attack noun is its adjective, not the bombers.
  for (const a of actors)
    if (
      spelledIn(tokens[a.firstToken - 1], ATTACK_NOUNS) &&
      baseWord(tokens[a.firstToken]!).startsWith('انتحاري') &&
      a.preposition === undefined
    )
      dropped.add(a);
  // النائب الثاني لرئيس مجلس الوزراء … الأمير محمد بن سلمان: a body a title heads, right before a person's name, is
  // part of that person's title.
  for (const a of actors) {
    if (a.type === 'PER' || (a.actor.entityId === undefined && a.actor.agent === undefined)) continue;
    if (!spelledIn(tokens[a.firstToken - 1], TITLES)) continue;
    const person = actors.find(
      (p) => p.type === 'PER' && p.firstToken > a.lastToken && p.firstToken <= a.lastToken + 4,
    );
    if (person === undefined) continue;
    dropped.add(a);
    // The title word itself, read as a role (رئيس [GOV]), is the person's too: the person, named with the whole title,
    // is the participant (التقى [رئيس مجلس النواب اللبناني نبيه بري] …).
    const role = actors.find(
      (r) =>
        r.lastToken === a.firstToken - 1 && r.actor.agent !== undefined && r.actor.entityId === undefined,
    );
    if (role === undefined) continue;
    dropped.add(role);
    const start = role.actor.start;
    titled.set(person, {
      ...person,
      actor: { ...person.actor, start, text: text.slice(start, person.actor.end) },
      firstToken: role.firstToken,
      ...(role.preposition !== undefined ? { preposition: role.preposition } : {}),
      coordinated: role.coordinated,
    });
  }
  for (const person of actors) {
    if (person.type !== 'PER') continue;
    const at = person.lastToken + 1;
    if (!spelledIn(tokens[at], TITLES) || isDefinite(tokens[at]!)) continue;
    const inTitle = actors.filter((a) => a.firstToken >= at && a.firstToken <= at + 3);
    if (inTitle.some((a) => a.type === 'PER')) continue;
    for (const a of inTitle) dropped.add(a);
  }
  if (dropped.size === 0) return [...actors];
  return actors.filter((a) => !dropped.has(a)).map((a) => titled.get(a) ?? a);
}
