import type {
  Mention,
  Quote,
  QuoteForm,
  QuoteSpeaker,
  Sentence,
  TextSpan,
  Token,
} from '../../core/annotations.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import { clauseEnd, opensContent } from './clause.ts';
import {
  ACT_OBJECTS,
  ANONYMOUS_HEADS,
  AUDIENCE_WORDS,
  buildContext,
  CHANNEL_WORDS,
  DATE_WORDS,
  FUNCTION_WORDS,
  hasLamPrefix,
  isPunct,
  isWordIn,
  PHRASE_STOPS,
  type QuoteContext,
  RELATIVES,
  SOURCE_DOCUMENTS,
  wordAt,
} from './context.ts';
import { agreementOf, agrees, type SpeakerFeatures, speakerFeatures } from './agreement.ts';
import {
  type CueAgreement,
  type CueEntry,
  cueAgreement,
  cueOf,
  homographCue,
  isComplementizer,
  verbWithObjectPronoun,
} from './cues.ts';
import type { MarkPair } from './marks.ts';
import {
  nameEnd,
  readSourcePhrase,
  readSpeakerPhrase,
  type SpeakerPhrase,
  skipDates,
  speakerFromPhrase,
  subjectBefore,
} from './speaker.ts';

/** What the quote finder reads: the clean text and the layers made before it. */
export interface QuoteInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly mentions?: readonly Mention[];
}

// How far past the cue its content may start: a clause soon, a colon or quotation after a longer attribution
// (قال حاكم منطقة خابروفسك، ميخائيل ديغتياريف، الذي انضم إلى كيم في الزيارة…، على تلغرام لاحقاً: «…»).
// Particles that deny the verb after them (لم يقل، لن يعلق، لا يذكر).
const NEGATIONS: ReadonlySet<string> = new Set(['لم', 'لن', 'لا']);
const MAX_TOKENS_TO_CLAUSE = 14;
// How many earlier speakers a subjectless verb may reach back to.
const MAX_HISTORY = 6;
const MAX_TOKENS_TO_QUOTE = 32;
const MIN_QUOTE_WORDS = 3;
const MIN_COLON_SPEECH_WORDS = 4;

interface Attribution {
  cue: TextSpan;
  speaker?: QuoteSpeaker;
  audience?: TextSpan;
  channel?: TextSpan;
  relay?: TextSpan & { entityId?: string };
  date?: TextSpan;
}

/**
 * Finds reported statements: direct quotes in quotation marks (or after a colon), indirect quotes (a cue
 * and its إن/أن clause or verbal-noun object) and mixed ones, each with its speaker, audience, channel,
 * relay and date when the text gives them. Pure; offsets point into `input.text`.
 */
export function findQuotes(input: QuoteInput): Quote[] {
  const ctx = buildContext(input.text, input.tokens, input.sentences, input.mentions ?? []);
  const pairs = ctx.pairs;
  const pairAt = new Map(pairs.map((p) => [p.open, p]));
  const covered = new Uint8Array(input.tokens.length);
  const quotes: Quote[] = [];
  // The speakers so far, most recent last, with what their words and verbs showed of them.
  const history: { speaker: QuoteSpeaker; features: SpeakerFeatures }[] = [];
  const usedPairs = new Set<number>();
  let previousSpeaker: QuoteSpeaker | undefined;

  const add = (quote: Quote, from: number, to: number, agreement?: CueAgreement): void => {
    quotes.push(quote);
    covered.fill(1, from, to);
    const speaker = quote.speaker;
    if (speaker === undefined) return;
    previousSpeaker = speaker;
    const known = history.findIndex(
      (h) => h.speaker.start === speaker.start && h.speaker.text === speaker.text,
    );
    if (known >= 0) {
      history.push(...history.splice(known, 1));
      return;
    }
    const subjectFirst = speaker.end <= (quote.cue?.start ?? -1);
    history.push({ speaker, features: speakerFeatures(speaker, agreement, subjectFirst) });
    if (history.length > MAX_HISTORY) history.shift();
  };
  // The latest speaker a subjectless verb can agree with (وقالت after a man looks further back).
  const carried = (agreement: CueAgreement | undefined): QuoteSpeaker | undefined => {
    for (let h = history.length - 1; h >= 0; h--)
      if (agrees(history[h]!.features, agreement)) return history[h]!.speaker;
    return undefined;
  };

  for (let i = 0; i < input.tokens.length; i++) {
    if (covered[i]) continue;
    const token = input.tokens[i]!;
    const pair = pairAt.get(i);
    // A paragraph opening with a quotation and no cue continues the previous speaker's statement.
    if (pair !== undefined && !usedPairs.has(i)) {
      const after = attributionAfterQuote(ctx, pair, carried);
      if (after !== undefined) {
        usedPairs.add(i);
        add(directQuote(ctx, pair, after, 0.8).quote, pair.open, after.end, after.agreement);
        i = after.end - 1;
        continue;
      }
      if (startsParagraph(ctx, i) && pair.words >= MIN_QUOTE_WORDS && previousSpeaker !== undefined) {
        usedPairs.add(i);
        const speaker: QuoteSpeaker = { ...previousSpeaker, via: 'previous' };
        add(
          makeQuote(ctx, pair.innerStart, pair.innerEnd, 'direct', { speaker }, [], 0.5),
          pair.open,
          pair.close + 1,
        );
        i = pair.close;
        continue;
      }
    }
    const cue = cueOf(token) ?? clauseHomograph(ctx, i);
    if (cue === undefined) continue;
    // نقلت الوكالة عنه/عنها/عنهم: the pronoun after عن, not the relaying verb, says who spoke.
    const agreement = cue.lemma === 'نقل' ? relayPronounAgreement(ctx, i) : agreementOf(token);
    const found =
      cue.kind === 'according'
        ? (frontedAccording(ctx, i, cue, pairAt, previousSpeaker) ?? trailingAccording(ctx, i, cue, covered))
        : quoteFromCue(ctx, i, cue, pairAt, carried(agreement), previousSpeaker);
    if (found === undefined) continue;
    for (const open of found.pairs) usedPairs.add(open);
    add(found.quote, i, found.end, agreement);
    i = found.end - 1;
  }
  return quotes;
}

/**
 * A participle cue (موضحا، مشيرا إلى) shares the subject of the verb it accompanies: the nearest verb cue
 * before it in the sentence (وأكد مصدر طبي …، موضحا «…»), else the named subject of the sentence's own
 * verb (وقدم اللواء البلوي …، مؤكدا أن).
 */
function subjectOfMainVerb(ctx: QuoteContext, c: number): ReturnType<typeof subjectBefore> {
  // A participle shares any earlier verb's subject, a weak cue's too (دعت المعارضة إلى المقاطعة، معتبرة أن).
  return earlierVerbSubject(ctx, c, true) ?? openingSubject(ctx, c);
}

/**
 * An audience between a verb and its subject: لـ«عكاظ» / لـ (المدينة) / لوكالة الأنباء. Returns the index after it, or
 * `from` when there is none.
 */
function audienceBeforeSubject(ctx: QuoteContext, from: number): number {
  const token = ctx.tokens[from];
  if (token === undefined) return from;
  // وأبلغت «عكاظ» مصادر مطلعة أن: a medium's name in marks right after the verb, a subject after it, is its object.
  const quoted = ctx.pairs.find((p) => p.open === from && p.closed && p.words <= 3);
  if (quoted !== undefined) {
    const next = ctx.tokens[quoted.close + 1];
    const subject =
      next?.type === 'word' ? readSpeakerPhrase(ctx, quoted.close + 1, ctx.tokens.length) : undefined;
    if (subject !== undefined && opensContent(ctx, subject.to, ctx.tokens.length)) return quoted.close + 1;
    return from;
  }
  // لـ «عكاظ»: the preposition standing alone, the medium's name in marks or brackets.
  if (token.norm === 'ل' && ctx.tokens[from + 1]?.type === 'punct') {
    const open = ctx.tokens[from + 1]!.text;
    const closer = open === '(' ? ')' : ['«', '"', '“'].includes(open) ? null : undefined;
    if (closer === undefined) return from;
    for (let k = from + 2; k < Math.min(ctx.tokens.length, from + 7); k++) {
      const t = ctx.tokens[k]!;
      if (t.type === 'punct' && (closer === null ? ['»', '"', '”'].includes(t.text) : t.text === closer))
        return k + 1;
    }
    return from;
  }
  // لوكالة الصحافة الفرنسية / لرويترز: an audience word or a medium's name with ل.
  if (hasLamPrefix(token) && (AUDIENCE_WORDS.has(wordAt(ctx, from)) || ctx.mentionOf[from]?.type === 'ORG')) {
    const next = readSpeakerPhrase(ctx, extendOverMention(ctx, from), ctx.tokens.length);
    if (next !== undefined) return extendOverMention(ctx, from);
  }
  return from;
}

// A name after these is their object, not the speaker's name (في مؤتمر صحفي مشترك مع العربي).
const COMPANIONS: ReadonlySet<string> = new Set([
  'مع',
  'ضد',
  'بين',
  'عن',
  'الي',
  'علي',
  'لدي',
  'امام',
  'بحضور',
]);

/**
 * The person named after a title whose complement ended the phrase (مدير عام المشاريع في الهيئة العامة … المهندس عبد
 * المحسن أبانمي / المدير العام للمركز عبد الله المقرن، أن), when the content opens right after the name. Not a name
 * after مع or عن, nor past a cue, a clause or a colon.
 */
function nameAfterTitle(ctx: QuoteContext, subject: SpeakerPhrase, limit: number): SpeakerPhrase | undefined {
  // شهود عيان لـ«الشرق الأوسط»: an unnamed source is whole; what follows is its audience.
  if (isWordIn(ANONYMOUS_HEADS, ctx, subject.from) && !hasArticleAt(ctx, subject.from)) return undefined;
  const end = Math.min(limit, subject.to + MAX_TOKENS_TO_CLAUSE);
  for (let k = subject.to; k < end; k++) {
    const token = ctx.tokens[k]!;
    const mention = ctx.mentionOf[k];
    // لـ«عكاظ» / للصحافيين: an audience, not a name.
    const audience =
      hasLamPrefix(token) ||
      ctx.tokens[k - 1]?.norm === 'ل' ||
      ['«', '“', '"', '('].includes(ctx.tokens[k - 1]?.text ?? '');
    if (mention?.type === 'PER' && !audience) {
      let after = k;
      while (after < limit && ctx.mentionOf[after] === mention) after++;
      if (nameEnd(ctx, mention, after) > mention.end) after++;
      const next = skipAdjuncts(ctx, after, limit);
      const opener = ctx.tokens[next];
      const opens =
        opener !== undefined &&
        (isComplementizer(opener, ctx.tokens[next - 1]) ||
          isPunct(ctx, next, ':') ||
          ['«', '“', '"'].includes(opener.text));
      return opens ? { from: subject.from, to: after, mention } : undefined;
    }
    if (mention !== undefined) continue;
    if (
      isComplementizer(token, ctx.tokens[k - 1]) ||
      (token.type === 'punct' && token.text !== '،' && token.text !== ',') ||
      isWordIn(COMPANIONS, ctx, k) ||
      cueOf(token) !== undefined
    )
      return undefined;
  }
  return undefined;
}

// How many sentences back a subjectless first report may look for the person it refers to.
const NEAREST_PERSON_SENTENCES = 2;

/**
 * The nearest person named before cue `c` in its paragraph, at most two sentences back, who can be a subject: not
 * after a preposition (بالرئيس، مع الوزير), not inside quotation marks. For a verb with no subject when no one has
 * spoken yet (عن ابن عباس رضي الله عنهما قال: / الدوسري الذي … تحدث …، حيث قال:).
 */
function nearestPerson(ctx: QuoteContext, c: number): SpeakerPhrase | undefined {
  const firstSentence = Math.max(0, ctx.sentenceOf[c]! - NEAREST_PERSON_SENTENCES);
  const from = ctx.sentences[firstSentence]!.tokenStart;
  for (let k = c - 1; k >= from && ctx.paragraphOf[k] === ctx.paragraphOf[c]; k--) {
    const mention = ctx.mentionOf[k];
    // A name in marks (الطالبة «هيا …») is still a name; longer quoted words are someone's statement.
    if (mention?.type !== 'PER' || (ctx.quoted[k] === 1 && !inQuotedName(ctx, k))) continue;
    // رضي الله عنهما، صلى الله عليه وسلم: the divine name in a formula of blessing is nobody's statement.
    if (normalizeArabic(mention.text) === 'الله') continue;
    let start = k;
    while (start > from && ctx.mentionOf[start - 1] === mention) start--;
    const first = ctx.tokens[start]!;
    const governed =
      first.parts?.some((p) => p.role === 'preposition') === true ||
      isWordIn(COMPANIONS, ctx, start - 1) ||
      isWordIn(SUBJECT_PREPOSITIONS, ctx, start - 1);
    if (governed) {
      k = start;
      continue;
    }
    return { from: start, to: k + 1, mention };
  }
  return undefined;
}

/** True when token k lies inside quotation marks holding a few words only: a name, not a statement. */
function inQuotedName(ctx: QuoteContext, k: number): boolean {
  return ctx.pairs.some((p) => p.closed && p.open < k && p.close > k && p.words <= 5);
}

/** The nearest person named in cue `c`'s own sentence, as `nearestPerson` finds one, other than `carried`. */
function sentencePerson(
  ctx: QuoteContext,
  c: number,
  carried: QuoteSpeaker | undefined,
): SpeakerPhrase | undefined {
  const named = nearestPerson(ctx, c);
  if (named === undefined || ctx.sentenceOf[named.from] !== ctx.sentenceOf[c]) return undefined;
  if (carried?.entityId !== undefined && named.mention?.entityId === carried.entityId) return undefined;
  return named;
}

// Prepositions before a name that make it no subject.
const SUBJECT_PREPOSITIONS: ReadonlySet<string> = new Set(['في', 'من', 'ل', 'ب', 'ك']);

// How close its clause must follow a refused spelling for it to be the verb (وبيّن المهندس أبانمي أنّ).
const HOMOGRAPH_WINDOW = 5;

/**
 * A refused spelling read as the verb (وبين → وبيّن) when a content clause opens within a few words and no و-pair stands
 * between (بين الحكومة والمعارضة … is "between"), nor after بيني/بينه (بيني وبين نفسي).
 */
function clauseHomograph(ctx: QuoteContext, i: number): CueEntry | undefined {
  const entry = homographCue(ctx.tokens[i]!);
  if (entry === undefined || /^بين(ي|ه|ها|هم|نا)?$/.test(wordAt(ctx, i - 1)) || wordAt(ctx, i - 1) === 'ما')
    return undefined;
  for (let k = i + 1; k < Math.min(ctx.tokens.length, i + HOMOGRAPH_WINDOW); k++) {
    const token = ctx.tokens[k]!;
    if (isComplementizer(token, ctx.tokens[k - 1])) return entry;
    if (token.type !== 'word' || token.parts?.[0]?.role === 'conjunction' || token.norm === 'و')
      return undefined;
  }
  return undefined;
}

/** أما العم حمزة الحكيم، فيقول إنه: the topic fronted with أما is the subject of the verb joined by ف. */
function frontedTopic(ctx: QuoteContext, c: number): SpeakerPhrase | undefined {
  if (ctx.tokens[c]!.parts?.[0]?.text !== 'ف') return undefined;
  const sentenceStart = ctx.sentences[ctx.sentenceOf[c]!]!.tokenStart;
  for (let k = c - 1; k >= Math.max(sentenceStart, c - MAX_TOKENS_TO_CLAUSE); k--) {
    if (ctx.tokens[k]!.norm !== 'اما' && ctx.tokens[k]!.norm !== 'واما') continue;
    const phrase = readSpeakerPhrase(ctx, k + 1, c);
    return phrase?.mention !== undefined ||
      (phrase !== undefined && isWordIn(ANONYMOUS_HEADS, ctx, phrase.from))
      ? phrase
      : undefined;
  }
  return undefined;
}

/** The subject of the nearest reporting verb before cue `c` in its sentence. */
function earlierVerbSubject(ctx: QuoteContext, c: number, weakToo = false): ReturnType<typeof subjectBefore> {
  const sentenceStart = ctx.sentences[ctx.sentenceOf[c]!]!.tokenStart;
  for (let k = c - 1; k >= sentenceStart; k--) {
    const verb = cueOf(ctx.tokens[k]!) ?? verbWithObjectPronoun(ctx.tokens[k]!);
    if (verb?.kind !== 'verb' || (verb.weak && !(weakToo && weakCueUsed(ctx, k, verb, c)))) continue;
    // The phrase after the verb when it names someone, else the subject before it (X «نفت بشدة» المزاعم).
    let after = readSpeakerPhrase(ctx, skipDates(ctx, k + 1), c);
    if (after !== undefined && after.mention?.type !== 'PER') after = nameAfterTitle(ctx, after, c) ?? after;
    const named =
      after !== undefined && (after.mention !== undefined || isWordIn(ANONYMOUS_HEADS, ctx, after.from));
    return named ? after : (subjectBefore(ctx, k) ?? after);
  }
  return undefined;
}

/**
 * A weak cue is a report only when its content follows: a clause, a colon or a quotation soon after it, or for a
 * call its preposition (دعت المعارضة إلى المقاطعة); not ما يزيد على، not تتابع سلاح الجو.
 */
function weakCueUsed(ctx: QuoteContext, k: number, verb: CueEntry, limit: number): boolean {
  if (opensContent(ctx, k + 1, limit)) return true;
  // دعت X إلى المقاطعة / اتهم الزوج الجامعة بتغيير الرغبات: a call's or an accusation's preposition.
  if (!verb.frames.has('call') && !verb.frames.has('describe')) return false;
  for (let j = k + 1; j < Math.min(limit, k + 6); j++)
    if (CALL_PREPOSITIONS.test(ctx.tokens[j]!.norm)) return true;
  return false;
}

/** The agreement of the pronoun in نقلت … عنه/عنها/عنهم/عنهما after a relaying verb at `c`. */
function relayPronounAgreement(ctx: QuoteContext, c: number): CueAgreement | undefined {
  const end = Math.min(ctx.tokens.length, c + 10);
  for (let k = c + 1; k < end; k++) {
    const word = wordAt(ctx, k);
    if (word === 'عنه') return { person: 3, gender: 'm', number: 'singular', passive: false };
    if (word === 'عنها') return { person: 3, gender: 'f', number: 'singular', passive: false };
    if (word === 'عنهم') return { person: 3, gender: 'm', number: 'plural', passive: false };
    if (word === 'عنهما') return { person: 3, number: 'dual', passive: false };
    if (ctx.tokens[k]!.type === 'punct' && ctx.tokens[k]!.text !== '«' && ctx.tokens[k]!.text !== '»')
      return undefined;
  }
  return undefined;
}

/** The named subject right after the word opening the sentence of cue `c` (its verb, in VSO order). */
function openingSubject(ctx: QuoteContext, c: number): ReturnType<typeof subjectBefore> {
  const sentenceStart = ctx.sentences[ctx.sentenceOf[c]!]!.tokenStart;
  const named = readSpeakerPhrase(ctx, sentenceStart + 1, c);
  // ودان دبلوماسي أميركي كبير … وأضاف أنه: an unnamed source opening the sentence speaks on too.
  const unnamed =
    named !== undefined && isWordIn(ANONYMOUS_HEADS, ctx, named.from) && !hasArticleAt(ctx, named.from);
  return named?.mention !== undefined || unnamed ? named : undefined;
}

/**
 * Who reports at a verb cue with no subject of its own, later in its sentence: the subject of an earlier
 * reporting verb (وهو ما أكده غوني موسى، … إذ أشار إلى أن), else the named subject of the verb opening the
 * sentence (وأبدى أوباما … قدرا من الإحباط إلا أنه قال إنه…). Not when a definite noun right before the
 * cue is its own subject (إذ إن الاستطلاع يشير), nor, for the opening verb, when the sentence opens with a
 * name (a byline: عبدالحكيم شار- سبق- متابعة: كشف…) or a function word (لكن دونالد ترامب…).
 */
function sentenceSubject(ctx: QuoteContext, c: number): ReturnType<typeof subjectBefore> {
  const sentenceStart = ctx.sentences[ctx.sentenceOf[c]!]!.tokenStart;
  // A verb joined by و opens a clause of its own: the definite word before it ends the previous one.
  const joined = ctx.tokens[c]!.parts?.[0]?.role === 'conjunction';
  if (c <= sentenceStart + 1 || (!joined && hasArticleAt(ctx, c - 1))) return undefined;
  const earlier = earlierVerbSubject(ctx, c);
  if (earlier !== undefined) return earlier;
  if (ctx.mentionOf[sentenceStart] !== undefined || isWordIn(FUNCTION_WORDS, ctx, sentenceStart))
    return undefined;
  return openingSubject(ctx, c);
}

/** True when the previous speaker was named in the sentence of cue `c` (وقالت X: «…»، وأضافت: «…»). */
function spokeInSentence(ctx: QuoteContext, c: number, previous: QuoteSpeaker | undefined): boolean {
  if (previous === undefined) return false;
  const sentence = ctx.sentences[ctx.sentenceOf[c]!]!;
  const from = ctx.tokens[sentence.tokenStart]!.start;
  return previous.start >= from && previous.start < ctx.tokens[c]!.start;
}

/**
 * A few words in marks after a title and before the content (المبعوث الدولي "إسماعيل ولد الشيخ أحمد"؛ عن…)
 * name someone; they are not a statement.
 */
function isQuotedName(ctx: QuoteContext, pair: MarkPair): boolean {
  if (!pair.closed || pair.words > 4) return false;
  const before = ctx.tokens[pair.open - 1];
  if (before === undefined || before.type !== 'word' || cueOf(before) !== undefined) return false;
  const after = ctx.tokens[pair.close + 1];
  if (after === undefined) return false;
  return (
    ['؛', '،', ':', ','].includes(after.text) ||
    wordAt(ctx, pair.close + 1) === 'عن' ||
    isComplementizer(after, undefined)
  );
}

/** A definite document noun (البيان، النص) or a "same source" phrase (ذات المعطيات، المصدر نفسه). */
function refersBack(ctx: QuoteContext, from: number, to: number): boolean {
  const head = ctx.tokens[from]!;
  const definiteDocument =
    SOURCE_DOCUMENTS.has(wordAt(ctx, from)) && head.parts?.some((p) => p.role === 'article') === true;
  const same = ['ذات', 'نفس', 'نفسه', 'نفسها', 'ذاته', 'ذاتها'].some((w) =>
    ctx.tokens.slice(from, to).some((t) => t.norm === w),
  );
  return definiteDocument || same || ['النص', 'المعطيات'].includes(head.norm);
}

function hasArticleAt(ctx: QuoteContext, i: number): boolean {
  return ctx.tokens[i]?.parts?.some((p) => p.role === 'article') === true;
}

function startsParagraph(ctx: QuoteContext, i: number): boolean {
  return i === 0 || ctx.paragraphOf[i - 1] !== ctx.paragraphOf[i];
}

interface CueResult {
  quote: Quote;
  end: number;
  pairs: number[];
}

/** Reads the attribution after cue token `c` and the content it introduces. */
function quoteFromCue(
  ctx: QuoteContext,
  c: number,
  cue: CueEntry,
  pairAt: ReadonlyMap<number, MarkPair>,
  previousSpeaker: QuoteSpeaker | undefined,
  lastSpeaker: QuoteSpeaker | undefined = previousSpeaker,
): CueResult | undefined {
  const tokens = ctx.tokens;
  // ولم يكشف المسؤولون عن… / لن يقول: a report denied is no statement.
  if (cue.kind === 'verb' && NEGATIONS.has(wordAt(ctx, c - 1))) return undefined;
  // وهذا يؤكد أن / وهو ما يؤكد مكانة X: a fact or an inference that bears something out, not a statement.
  // (هذا وتؤكد النقابة: هذا before a joined verb only opens the sentence.)
  if (
    cue.kind === 'verb' &&
    tokens[c]!.parts?.[0]?.role !== 'conjunction' &&
    (INFERENCE_SUBJECTS.has(wordAt(ctx, c - 1)) ||
      (wordAt(ctx, c - 1) === 'ما' && INFERENCE_SUBJECTS.has(wordAt(ctx, c - 2))))
  )
    return undefined;
  // أدعو، أقول، نؤكد outside quotation marks: the writer's own voice (an opinion piece), not a report.
  if (cueAgreement(tokens[c]!)?.person === 1 && ctx.quoted[c] !== 1) return undefined;
  // الذي قيل إنه قائد: a passive cue in a relative clause whose إنّ takes the antecedent back as a pronoun
  // hedges a description; it reports no statement.
  if (
    cueAgreement(tokens[c]!)?.passive === true &&
    RELATIVES.has(wordAt(ctx, c - 1)) &&
    RESUMPTIVE.has(wordAt(ctx, c + 1))
  )
    return undefined;
  const sentenceEnd = ctx.sentences[ctx.sentenceOf[c]!]!.tokenEnd;
  const attribution: Attribution = { cue: spanOf(ctx, c, c + 1) };
  let i = c + 1;
  // Where the cue's words end: distances to the content are counted from here.
  let anchor = c;

  // 1. Multi-word cues: جاء في بيان (ل…), نقلت (وكالة) عنه قوله.
  if (cue.lemma === 'جاء') {
    if (wordAt(ctx, i) !== 'في' || !SOURCE_DOCUMENTS.has(wordAt(ctx, i + 1))) return undefined;
    attribution.cue = spanOf(ctx, c, i + 2);
    i += 2;
    anchor = i;
    const owner = readSpeakerPhrase(ctx, i, sentenceEnd);
    attribution.speaker =
      owner?.mention !== undefined
        ? speakerFromPhrase(ctx, owner, 'source')
        : { ...spanOf(ctx, i - 1, i), anonymous: false, via: 'source' };
    if (owner?.mention !== undefined) i = owner.to;
  } else if (cue.lemma === 'نقل') {
    const relayed = readRelay(ctx, c, sentenceEnd, previousSpeaker);
    if (relayed === undefined) return undefined;
    Object.assign(attribution, relayed.attribution);
    i = relayed.next;
    anchor = i;
  } else {
    // 2. The subject: after the cue (VSO), else right before it (SVO), else the previous speaker.
    let afterDates = skipDates(ctx, i);
    // في الوقت الذي نفت فيه جامعة تبوك …: the relative's pronoun before the subject (not in بيان أعلن فيه التغييرات,
    // an indefinite antecedent's clause whose subject is a pronoun).
    if (RELATIVE_PRONOUNS.has(tokens[afterDates]?.norm ?? '') && RELATIVES.has(wordAt(ctx, c - 1)))
      afterDates = skipDates(ctx, afterDates + 1);
    // وقال لـ«عكاظ» الناطق الإعلامي …: the audience named before the subject.
    const audienceEnd = cue.kind === 'participle' ? afterDates : audienceBeforeSubject(ctx, afterDates);
    if (audienceEnd > afterDates) {
      attribution.audience = spanOf(ctx, afterDates, audienceEnd);
      afterDates = skipDates(ctx, audienceEnd);
    }
    // A participle's subject is its verb's (واصفاً هذا الاتهام: the phrase after it is an object).
    let subject = cue.kind === 'participle' ? undefined : readSpeakerPhrase(ctx, afterDates, sentenceEnd);
    // وأوضح مدير عام المشاريع في الهيئة … المهندس عبد المحسن أبانمي أن: a title whose complement ends the
    // phrase gives way to the name after it.
    if (subject !== undefined && subject.mention?.type !== 'PER')
      subject = nameAfterTitle(ctx, subject, sentenceEnd) ?? subject; // وأكدت الورقة أهمية دور المعلم / أعلنت المقاومة الشعبية سيطرتها: a word without the article after one with it
    // starts another noun phrase, the verbal-noun object.
    if (subject !== undefined && subject.mention === undefined && cue.nominal) {
      for (let k = subject.from + 1; k < subject.to; k++) {
        const t = tokens[k]!;
        if (
          t.type === 'word' &&
          !hasArticleAt(ctx, k) &&
          t.parts?.[0]?.role !== 'preposition' &&
          hasArticleAt(ctx, k - 1)
        ) {
          subject = { from: subject.from, to: k };
          break;
        }
      }
    }

    // واتهمت الحكومة بأنها / ووصف ما حدث بأنه: a describing verb's only noun phrase before بأنّ is its object;
    // its subject is a pronoun.
    if (
      subject !== undefined &&
      cue.frames.has('describe') &&
      tokens[subject.to] !== undefined &&
      isComplementizer(tokens[subject.to]!, tokens[subject.to - 1]) &&
      !(
        subject.mention !== undefined &&
        subject.mention.type === 'PER' &&
        subject.mention.end < tokens[subject.to - 1]!.start
      )
    )
      subject = undefined;
    // حثت السعودية إيران على / وصفت الصين اليابان بأنها: a verb with an object before its content has the name
    // opening the phrase as its subject, the name after it as its object (a title still gives way to its name).
    if (subject?.mention !== undefined && (cue.frames.has('call') || cue.frames.has('describe'))) {
      const first = ctx.mentionOf[subject.from];
      if (first !== undefined && first !== subject.mention && first.via !== 'description') {
        let to = subject.from;
        while (to < subject.to && ctx.mentionOf[to] === first) to++;
        subject = { from: subject.from, to, mention: first };
      }
    }
    // A verb that shows its subject's number (وأكدتا، وقالوا) has a pronoun subject: the unnamed words after it are
    // its object (وأكدتا حق الشعب الفلسطيني في الدفاع…). So has a feminine verb before an indefinite masculine noun
    // that names no one (كما أكدت تنظيم وقفات احتجاجية).
    const shown = cueAgreement(tokens[c]!);
    if (
      subject !== undefined &&
      subject.mention === undefined &&
      shown !== undefined &&
      !isWordIn(ANONYMOUS_HEADS, ctx, subject.from) &&
      (shown.number !== 'singular' ||
        (shown.gender === 'f' &&
          !hasArticleAt(ctx, subject.from) &&
          !/(ه|ات|ون|ين|اء)$/.test(wordAt(ctx, subject.from))))
    )
      subject = undefined;
    // أعلن الجيش أنه …، ثم أعلن تحرير 59 رهينة: a verb coordinated with one whose subject was just named
    // keeps that subject; the unnamed words after it are its object.
    if (
      subject !== undefined &&
      subject.mention === undefined &&
      !isWordIn(ANONYMOUS_HEADS, ctx, subject.from) &&
      (wordAt(ctx, c - 1) === 'ثم' || tokens[c]!.parts?.[0]?.role === 'conjunction') &&
      spokeInSentence(ctx, c, previousSpeaker) &&
      previousSpeaker?.entityId !== undefined
    )
      subject = undefined;
    // لفت بيان المنظمات إلى أن: a document in construct with its issuer; the issuer speaks through it.
    if (
      subject !== undefined &&
      subject.mention === undefined &&
      subject.to - subject.from >= 2 &&
      SOURCE_DOCUMENTS.has(wordAt(ctx, subject.from)) &&
      !hasArticleAt(ctx, subject.from) &&
      hasArticleAt(ctx, subject.from + 1)
    ) {
      attribution.channel = spanOf(ctx, subject.from, subject.from + 1);
      subject = { from: subject.from + 1, to: subject.to };
    }
    if (subject !== undefined) {
      attribution.speaker = speakerFromPhrase(ctx, subject, 'subject');
      // البيان، النص، ذات المعطيات: the statement already mentioned speaks for whoever issued it.
      // (The verb agrees with the document, not its issuer: كما أشاد التقرير after وأكدت لجنة التقييم.)
      if (
        subject.mention === undefined &&
        lastSpeaker !== undefined &&
        refersBack(ctx, subject.from, subject.to)
      ) {
        attribution.speaker = { ...lastSpeaker, via: 'previous' };
      }
      // قال بيان للجيش / أضاف البيان: the document is the channel the words came through.
      if (
        attribution.channel === undefined &&
        subject.mention === undefined &&
        SOURCE_DOCUMENTS.has(wordAt(ctx, subject.from))
      )
        attribution.channel = spanOf(ctx, subject.from, subject.from + 1);
      if (afterDates > i) attribution.date = spanOf(ctx, i, afterDates);
      i = subject.to;
    } else {
      const before =
        cue.kind === 'participle'
          ? subjectOfMainVerb(ctx, c)
          : (frontedTopic(ctx, c) ??
            subjectBefore(ctx, c) ??
            (spokeInSentence(ctx, c, previousSpeaker) ? undefined : sentenceSubject(ctx, c)));
      // يذكر أن / يشار إلى أن with no one named: the writer's aside ("it is worth noting"), not a report.
      if (before === undefined && ASIDES.has(tokens[c]!.norm)) return undefined;
      if (before !== undefined) attribution.speaker = speakerFromPhrase(ctx, before, 'subject');
      // قيل إن / يقال إن: an impersonal passive names no one, and carries no one over.
      else if (cueAgreement(tokens[c]!)?.passive === true) attribution.speaker = undefined;
      else if (
        cue.kind === 'verb' &&
        !spokeInSentence(ctx, c, lastSpeaker) &&
        sentencePerson(ctx, c, previousSpeaker) !== undefined
      ) {
        // ظهر الرئيس الصيني شي جينبينغ في شريط فيديو يؤكد …: a person named as subject earlier in the sentence is
        // nearer than whoever spoke before it.
        attribution.speaker = speakerFromPhrase(ctx, sentencePerson(ctx, c, previousSpeaker)!, 'previous');
      } else if (previousSpeaker !== undefined) attribution.speaker = { ...previousSpeaker, via: 'previous' };
      else {
        // No one has spoken yet: the person named last in the paragraph, as subject (الطالبة «هيا …» … وقالت إن).
        const named = nearestPerson(ctx, c);
        if (named !== undefined) attribution.speaker = speakerFromPhrase(ctx, named, 'previous');
      }
    }
  }

  // 3. Adjuncts up to the content: dates, audience, channel, relay; then a clause, a colon or a quotation, as the
  // cue's frames allow.
  const clauseFrame = cue.frames.has('anna') || cue.frames.has('inna') || cue.frames.has('describe');
  const nominalStart = i;
  // عن/إلى opening a verbal-noun object stand right after the subject and its adjuncts (أعلنت مسؤوليتها عن المجزرة:
  // an object before عن, no statement).
  const objectStart = skipAdjuncts(ctx, nominalStart, sentenceEnd);
  for (let k = i; k < sentenceEnd && k - anchor <= MAX_TOKENS_TO_QUOTE; k++) {
    const token = tokens[k]!;
    const word = wordAt(ctx, k);
    // A parenthesis is an aside (قال الرئيس (…) إن), and an أن inside it belongs to its own verb
    // (كُتب بداخله عبارة (أتمنى أن …)).
    if (isPunct(ctx, k, '(')) {
      let close = k + 1;
      while (close < sentenceEnd && !isPunct(ctx, close, ')')) close++;
      if (close >= sentenceEnd) break;
      k = close;
      continue;
    }
    if (isWordIn(DATE_WORDS, ctx, k) && attribution.date === undefined)
      attribution.date = spanOf(ctx, k, k + 1);
    if (hasLamPrefix(token) && AUDIENCE_WORDS.has(word) && attribution.audience === undefined) {
      attribution.audience = spanOf(ctx, k, extendOverMention(ctx, k));
    }
    if (
      (word === 'علي' || word === 'في' || word === 'عبر') &&
      CHANNEL_WORDS.has(wordAt(ctx, k + 1)) &&
      attribution.channel === undefined
    ) {
      attribution.channel = spanOf(ctx, k, k + 2);
    }
    if (cueOf(token)?.lemma === 'نقل' && word !== '' && k > c) {
      // كما نقلت عنه وكالة الصحافة الفرنسية: a relay inside the attribution.
      const relayed = readRelay(ctx, k, sentenceEnd, attribution.speaker);
      if (relayed?.attribution.relay !== undefined) {
        attribution.relay = relayed.attribution.relay;
        k = relayed.next - 1;
        continue;
      }
    }
    // Past the usual distance, a clause still opens right after a comma that closes an adjunct (قال X، أحد سكان
    // المدينة، متحدثا لوكالة فرانس برس، أنه…).
    if (
      clauseFrame &&
      isComplementizer(token, tokens[k - 1]) &&
      (k - anchor <= MAX_TOKENS_TO_CLAUSE ||
        (!cue.weak && (isPunct(ctx, k - 1, '،') || isPunct(ctx, k - 1, ',')) && !token.norm.startsWith('ف')))
    ) {
      return clauseQuote(ctx, k, clauseEnd(ctx, k, false), attribution, cue, pairAt);
    }
    // A call (ناشد X أن، داعيا الله أن) reports no statement in a clause.
    if (!clauseFrame && !cue.frames.has('call') && isComplementizer(token, tokens[k - 1])) return undefined;
    if (isPunct(ctx, k, ':')) {
      // قال في بيان: إن «…»: a clause after the colon.
      const afterColon = tokens[k + 1];
      if (afterColon !== undefined && isComplementizer(afterColon, undefined)) {
        return clauseFrame
          ? clauseQuote(ctx, k + 1, clauseEnd(ctx, k + 1, false), attribution, cue, pairAt)
          : undefined;
      }
      // Speech after a colon only for cues that take it (قال، أضاف، أجاب), not ووصفت الصحيفة … :
      if (!cue.frames.has('direct')) return undefined;
      const pair = pairAt.get(k + 1);
      if (pair !== undefined)
        return {
          quote: directQuote(ctx, pair, attribution, 0.9).quote,
          end: pair.close + 1,
          pairs: [pair.open],
        };
      // Nothing after the colon in this sentence.
      if (k + 1 >= sentenceEnd) return undefined;
      const end = namedReportStart(ctx, k + 1, clauseEnd(ctx, k + 1, false));
      const words = tokens.slice(k + 1, end).filter((t) => t.type !== 'punct').length;
      if (words < MIN_COLON_SPEECH_WORDS) return undefined;
      return {
        quote: makeQuote(ctx, tokens[k + 1]!.start, tokens[end - 1]!.end, 'direct', attribution, [], 0.7),
        end,
        pairs: [],
      };
    }
    // أشار إلى تراجع لافت / لفت إلى عدم المبالغة: a verbal-noun object after إلى (not إلى أنّ, a clause).
    if (
      cue.frames.has('to') &&
      word === 'الي' &&
      tokens[k + 1]?.type === 'word' &&
      !isComplementizer(tokens[k + 1]!, token) &&
      !isWordIn(PHRASE_STOPS, ctx, k + 1) &&
      sharesSubject(ctx, c, attribution.speaker) &&
      onlySubjectTail(ctx, objectStart, k)
    ) {
      return clauseQuote(ctx, k + 1, objectEnd(ctx, c, k + 1), attribution, cue, pairAt, 0.6);
    }
    // كشف … عن استعداد الجامعة: a verbal-noun object after عن.
    if (
      cue.frames.has('about') &&
      word === 'عن' &&
      tokens[k + 1]?.type === 'word' &&
      sharesSubject(ctx, c, attribution.speaker) &&
      onlySubjectTail(ctx, objectStart, k)
    ) {
      return clauseQuote(ctx, k, objectEnd(ctx, c, k), attribution, cue, pairAt, 0.6);
    }
    // دعت X «جميع الفاعلين» إلى «التعاون…» / طالب بـ"…" / حثّ على: a call whose object carries quoted words.
    if (cue.frames.has('call') && (pairAt.has(k) || CALL_PREPOSITIONS.test(ctx.tokens[k]!.norm))) {
      const call = callQuote(ctx, skipAdjuncts(ctx, nominalStart, k), attribution, pairAt);
      if (call !== undefined) return call;
    }
    const pair = pairAt.get(k);
    if (
      pair !== undefined &&
      cue.frames.has('direct') &&
      pair.words >= MIN_QUOTE_WORDS &&
      !isQuotedName(ctx, pair) &&
      !TITLE_WORDS.has(wordAt(ctx, k - 1))
    ) {
      return {
        quote: directQuote(ctx, pair, attribution, 0.8).quote,
        end: pair.close + 1,
        pairs: [pair.open],
      };
    }
    // Another cue (finite, or a participle such as موضحا) takes over.
    const other = cueOf(token);
    // A weak one (في رد على سؤال) only when its own content follows.
    if (
      k > c &&
      (other?.kind === 'verb' || other?.kind === 'participle') &&
      other.lemma !== 'نقل' &&
      ctx.mentionOf[k] === undefined &&
      (!other.weak || opensContent(ctx, k + 1, sentenceEnd))
    ) {
      // A verbal-noun object may still stand before it (وأعلن الاتحاد أمس نشر عسكريين…، وأوضح…).
      break;
    }
  }

  // 4. A verbal-noun object: أكد الكرملين عدم توقيع «أي اتفاق» مع الضيف.
  // A named subject, or the one named earlier in the same sentence (أعلن الجيش أنه حرر 30 رهينة، ثم أعلن تحرير 59).
  const speaker = attribution.speaker;
  // Also a definite description as subject (أكدت النقابات الأمنية على شرعية المطالب), and a subject pronoun that
  // agrees with the speaker carried over when the object follows the verb at once (وأكدتا حق الشعب…).
  const definiteSubject =
    speaker?.via === 'subject' &&
    !speaker.anonymous &&
    hasArticleAt(ctx, nominalStart - 1) &&
    !SOURCE_DOCUMENTS.has(wordAt(ctx, nominalStart - 1));
  const pronounSubject = speaker?.via === 'previous' && nominalStart === c + 1;
  const namedHere =
    (speaker?.entityId !== undefined &&
      (speaker.via === 'subject' || (speaker.via === 'previous' && spokeInSentence(ctx, c, speaker)))) ||
    definiteSubject ||
    pronounSubject;
  if (cue.nominal && namedHere) {
    let start = skipAdjuncts(ctx, nominalStart, sentenceEnd);
    // توقع نائب الرئيس اليمني رئيس الوزراء، خالد بحاح، في تصريحات صحفية …، عودة: the rest of the speaker's
    // apposition, up to his name, comes before the object.
    for (let k = start; k < Math.min(sentenceEnd, start + MAX_TOKENS_TO_CLAUSE); k++) {
      const mention = ctx.mentionOf[k];
      if (isComplementizer(tokens[k]!, tokens[k - 1]) || cueOf(tokens[k]!) !== undefined) break;
      if (mention !== undefined && speaker?.entityId !== undefined && mention.entityId === speaker.entityId) {
        start = skipAdjuncts(ctx, extendOverMention(ctx, k), sentenceEnd);
        break;
      }
    }
    const token = tokens[start];
    if (
      token?.type === 'word' &&
      start < sentenceEnd &&
      !hasLamPrefix(token) &&
      (wordAt(ctx, start) === 'علي' || !isWordIn(PHRASE_STOPS, ctx, start)) &&
      !ACT_OBJECTS.some((act) => wordAt(ctx, start).replace(/^ال/, '').startsWith(act))
    ) {
      return clauseQuote(ctx, start, objectEnd(ctx, c, start), attribution, cue, pairAt, 0.6);
    }
  }
  return undefined;
}

/**
 * Where a verbal-noun object starting at `start` ends: its clause's end, or in a subordinate clause its first comma
 * (الذي نفت فيه X صلتها بوفاة المعلمة، يظهر الفيديو / وما إن أعلنت X عن تحرير المدينة، حتى بدأ).
 */
function objectEnd(ctx: QuoteContext, c: number, start: number): number {
  const end = clauseEnd(ctx, start, true);
  if (!subordinate(ctx, c)) return end;
  for (let k = start + 1; k < end; k++)
    if ((isPunct(ctx, k, '،') || isPunct(ctx, k, ',')) && ctx.quoted[k] !== 1) return k;
  return end;
}

/** The speaker is the cue's own subject, or one named earlier in its sentence that a joined verb shares (وأفاد عن). */
function sharesSubject(ctx: QuoteContext, c: number, speaker: QuoteSpeaker | undefined): boolean {
  return speaker?.via === 'subject' || (speaker?.via === 'previous' && spokeInSentence(ctx, c, speaker));
}

/**
 * True when the tokens between the subject's end and عن/إلى belong to the subject still: punctuation, names, words
 * with the article or a clitic preposition (المبعوث الدولي إلى اليمن "…"؛ عن). A bare noun there is an object of its
 * own, and عن/إلى its complement (أعلنت مسؤوليتها عن المجزرة).
 */
function onlySubjectTail(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const token = ctx.tokens[k]!;
    if (token.type === 'punct' || ctx.mentionOf[k] !== undefined || hasArticleAt(ctx, k)) continue;
    if (token.parts?.[0]?.role === 'preposition' || isWordIn(PHRASE_STOPS, ctx, k)) continue;
    return false;
  }
  return true;
}

// Words opening a subordinate clause whose main clause follows after a comma (فيما توقع X …، بدأت …).
const SUBORDINATORS: ReadonlySet<string> = new Set([
  'فيما',
  'بينما',
  'عندما',
  'حين',
  'حينما',
  'بعدما',
  'مثلما',
  'كلما',
]);

/** True when cue `c` opens a relative or subordinate clause (الذي نفت، فيما توقع، وما إن أعلنت). */
function subordinate(ctx: QuoteContext, c: number): boolean {
  const before = wordAt(ctx, c - 1);
  return (
    RELATIVES.has(before) ||
    RELATIVES.has(wordAt(ctx, c - 2)) ||
    SUBORDINATORS.has(before) ||
    SUBORDINATORS.has(ctx.tokens[c - 1]?.norm ?? '') ||
    (before === 'ان' && wordAt(ctx, c - 2) === 'ما')
  );
}

// بعنوان «…»: words in marks after these are a title (of an article, a paper, a programme), not a statement.
const TITLE_WORDS: ReadonlySet<string> = new Set([
  'عنوان',
  'بعنوان',
  'عنوانه',
  'عنوانها',
  'اسم',
  'باسم',
  'شعار',
]);
// A relative clause's pronoun after its verb (الذي نفت فيه X): not the subject.
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['فيه', 'فيها', 'فيهم', 'فيهما']);
// Demonstratives and pronouns standing for a fact before a reporting verb (وهذا يؤكد، وهو ما يؤكد).
const INFERENCE_SUBJECTS: ReadonlySet<string> = new Set(['هذا', 'هذه', 'ذلك', 'تلك', 'هو', 'هي']);
// على حد قوله / تعبيرها / وصفهم, its pronoun captured.
const AS_HE_SAID = /^علي حد (?:قول|تعبير|وصف)(ه|ها|هم)$/;
// The resumptive pronoun after إنّ in a hedged relative clause (الذي قيل إنه).
const RESUMPTIVE: ReadonlySet<string> = new Set(['انه', 'انها', 'انهم', 'انهما']);
// The prepositions of a call: دعا إلى، طالب بـ، حثّ على (إلى and على stand alone, بـ is a clitic).
const CALL_PREPOSITIONS = /^(و?(الي|علي)|ب\S{2,})$/;

/** Past the dates, commas, channel (في البيان) and audience words right after a speaker. */
function skipAdjuncts(ctx: QuoteContext, from: number, limit: number): number {
  let k = from;
  while (k < limit) {
    const word = wordAt(ctx, k);
    if (isWordIn(DATE_WORDS, ctx, k) || isPunct(ctx, k, '،') || isPunct(ctx, k, ',')) k++;
    else if ((word === 'في' || word === 'علي' || word === 'عبر') && CHANNEL_WORDS.has(wordAt(ctx, k + 1))) {
      k += 2;
      // في تصريحات صحفية: the channel's adjective.
      while (k < limit && /(ي|يه|يه?ين|يات)$/.test(wordAt(ctx, k)) && ctx.mentionOf[k] === undefined) k++;
    } else if (hasLamPrefix(ctx.tokens[k]) && AUDIENCE_WORDS.has(word)) k++;
    // أول من أمس
    else if (word === 'اول' && wordAt(ctx, k + 1) === 'من' && isWordIn(DATE_WORDS, ctx, k + 2)) k += 3;
    else break;
  }
  return k;
}

/**
 * A call or demand whose object carries quoted words: the object and its preposition phrase up to the end of the
 * clause (دعت … «جميع الفاعلين البورونديين» إلى «التعاون بشكل كامل»). Without quoted words of their own (دعا إلى
 * التهدئة) a call reports no statement.
 */
function callQuote(
  ctx: QuoteContext,
  from: number,
  attribution: Attribution,
  pairAt: ReadonlyMap<number, MarkPair>,
): CueResult | undefined {
  const to = clauseEnd(ctx, from, true);
  if (to <= from + 1) return undefined;
  const inside = [...pairAt.values()].filter((p) => p.open >= from && p.close < to && p.closed);
  if (!inside.some((p) => p.words >= MIN_QUOTE_WORDS)) return undefined;
  const whole = inside.find((p) => p.open === from && p.close === to - 1);
  if (whole !== undefined) return directQuote(ctx, whole, attribution, 0.7);
  const parts = inside
    .filter((p) => p.words >= MIN_QUOTE_WORDS)
    .map((p) => ({ start: p.innerStart, end: p.innerEnd, text: ctx.text.slice(p.innerStart, p.innerEnd) }));
  const start = ctx.tokens[from]!.start;
  const end = ctx.tokens[to - 1]!.end;
  return {
    quote: makeQuote(ctx, start, end, 'mixed', attribution, parts, 0.7),
    end: to,
    pairs: inside.map((p) => p.open),
  };
}

/**
 * A report whose source comes after it, at the end of its clause: «الزيارة مقررة في 29 يوليو، بحسب مقربين منه» /
 * هاجم المسلحون المدينة بحسب شهود / … ، وفقا لما ذكره البيت الأبيض. The content runs from the start of the
 * sentence (after its conjunction and a fronted date) to the attribution; the source must be named, an unnamed
 * source or a document (not وفقا للقانون), and end the clause.
 */
function trailingAccording(
  ctx: QuoteContext,
  c: number,
  cue: CueEntry,
  covered: Uint8Array,
): CueResult | undefined {
  const sentence = ctx.sentences[ctx.sentenceOf[c]!]!;
  let from = c + 1;
  // وفقا لما ذكره / بحسب ما أفاد به: a reporting verb in the filler makes whoever follows a source.
  let reported = false;
  let relaying = false;
  for (let skipped = 0; skipped < 3 && ACCORDING_FILLER.test(ctx.tokens[from]?.norm ?? ''); skipped++) {
    if (REPORTING_FILLER.test(ctx.tokens[from]!.norm)) reported = true;
    if (/^نقل/.test(ctx.tokens[from]!.norm)) relaying = true;
    from++;
  }
  // نقلا عن مصادر: the source follows عن; حسبما جاء في تقرير: the document follows في.
  if (
    (wordAt(ctx, from) === 'عن' && /نقلا$/.test(ctx.tokens[c]!.norm)) ||
    (wordAt(ctx, from) === 'في' && /^جاء/.test(ctx.tokens[from - 1]?.norm ?? ''))
  ) {
    from++;
    reported = true;
  }
  let phrase = readSourcePhrase(ctx, from, sentence.tokenEnd);
  if (phrase === undefined) return undefined;
  // وفقاً لتقرير صادر عن مؤسسة «دوسيبو»: the document's issuer speaks.
  const issuer = issuerOf(ctx, phrase, sentence.tokenEnd);
  if (issuer !== undefined) phrase = issuer;
  // وفق ما نقلت صحيفة X، مساء أمس، عن مسؤول: the paper relays; the one after عن speaks.
  let relay: Attribution['relay'];
  if (relaying) {
    let k = phrase.to;
    while (
      k < sentence.tokenEnd &&
      k - phrase.to <= 6 &&
      (isPunct(ctx, k, '،') ||
        isPunct(ctx, k, ',') ||
        isWordIn(DATE_WORDS, ctx, k) ||
        RELAY_GAP.has(wordAt(ctx, k)))
    )
      k++;
    const inner = wordAt(ctx, k) === 'عن' ? readSpeakerPhrase(ctx, k + 1, sentence.tokenEnd) : undefined;
    if (inner !== undefined) {
      const span = spanOf(ctx, phrase.from, phrase.to);
      relay = phrase.mention === undefined ? span : { ...span, entityId: phrase.mention.entityId };
      phrase = inner;
    }
  }
  const head = wordAt(ctx, phrase.from);
  const sourceLike =
    reported ||
    issuer !== undefined ||
    phrase.mention !== undefined ||
    ANONYMOUS_HEADS.has(head) ||
    SOURCE_DOCUMENTS.has(head) ||
    ANONYMOUS_HEADS.has(ctx.tokens[phrase.from]!.norm);
  if (!sourceLike) return undefined;
  // The source ends its clause: at most a few words of its own (شهود في القرى المجاورة، تقرير لمجلس الشيوخ), or a
  // relative clause about it (مؤسسة «دوسيبو» التي توفر الحلول في مجال التعليم الإلكتروني).
  let close = phrase.to;
  const described = isWordIn(RELATIVES, ctx, close) || isWordIn(RELATIVES, ctx, skipQuotedTail(ctx, close));
  while (
    close < sentence.tokenEnd &&
    !(ctx.tokens[close]!.type === 'punct' && !['«', '»', '“', '”', '"'].includes(ctx.tokens[close]!.text)) &&
    (described || close - phrase.to <= MAX_SOURCE_TAIL)
  ) {
    if (
      cueOf(ctx.tokens[close]!) !== undefined ||
      isComplementizer(ctx.tokens[close]!, ctx.tokens[close - 1])
    )
      return undefined;
    close++;
  }
  if (!described && close - phrase.to > MAX_SOURCE_TAIL) return undefined;
  // Start after anything already reported in the sentence, its conjunction and a fronted date; a source after a
  // clause opened by ، فـ reports that clause (…، ففي الشرق الأوسط، يتوقع ارتفاع …، وفقاً لتقرير …).
  let start = sentence.tokenStart;
  for (let k = sentence.tokenStart; k < c; k++) {
    if (covered[k]) start = k + 1;
    const next = ctx.tokens[k + 1];
    if (
      (isPunct(ctx, k, '،') || isPunct(ctx, k, ',')) &&
      next?.parts?.[0]?.role === 'conjunction' &&
      next.parts[0].text === 'ف'
    )
      start = k + 1;
  }
  start = skipDates(ctx, start);
  let end = c;
  // إذ تصل نسبة التحرش ــ وفقاً للدراسة ــ 5% في ألمانيا: a source between dashes reports the clause around it.
  if (isDash(ctx.tokens[c - 1])) {
    let closing = close;
    while (closing < sentence.tokenEnd && closing - close <= 2 && !isDash(ctx.tokens[closing])) closing++;
    if (!isDash(ctx.tokens[closing])) return undefined;
    let from = start;
    for (let k = start; k < c; k++) if (isPunct(ctx, k, '،') || isPunct(ctx, k, ',')) from = k + 1;
    while (from < c && CLAUSE_OPENERS.has(wordAt(ctx, from))) from++;
    const to = clauseEnd(ctx, closing + 1, false);
    if (to <= closing + 1 || c - from < 2) return undefined;
    return {
      quote: makeQuote(
        ctx,
        ctx.tokens[from]!.start,
        ctx.tokens[to - 1]!.end,
        'indirect',
        { cue: spanOf(ctx, c, c + 1), speaker: speakerFromPhrase(ctx, phrase, 'after-quote') },
        [],
        0.5,
      ),
      end: to,
      pairs: [],
    };
  }
  while (
    end > start &&
    ctx.tokens[end - 1]!.type === 'punct' &&
    !['»', '”', '"', ')'].includes(ctx.tokens[end - 1]!.text)
  )
    end--;
  if (end - start < MIN_QUOTE_WORDS) return undefined;
  // A clause of its own cue (قال X إن …، بحسب Y) was reported already; a cue here leaves it to that cue.
  for (let k = start; k < end; k++) {
    const other = cueOf(ctx.tokens[k]!);
    if (other !== undefined && other.kind !== 'according' && !ctx.quoted[k] && opensContent(ctx, k + 1, end))
      return undefined;
  }
  const first = ctx.tokens[start]!;
  const conjunction = first.parts?.[0]?.role === 'conjunction' ? first.parts[0] : undefined;
  const startOffset = conjunction !== undefined && first.parts!.length > 1 ? conjunction.end : first.start;
  const inside = ctx.pairs.filter(
    (p) => p.closed && p.open >= start && p.close < end && p.words >= MIN_QUOTE_WORDS,
  );
  const parts = inside.map((p) => ({
    start: p.innerStart,
    end: p.innerEnd,
    text: ctx.text.slice(p.innerStart, p.innerEnd),
  }));
  const read = speakerFromPhrase(ctx, phrase, 'after-quote');
  // حسبما جاء في تقرير: a document nobody is named for is an unnamed source.
  const unnamedDocument =
    phrase.mention === undefined &&
    phrase.to - phrase.from === 1 &&
    SOURCE_DOCUMENTS.has(wordAt(ctx, phrase.from)) &&
    !hasArticleAt(ctx, phrase.from);
  const source = unnamedDocument ? { ...read, anonymous: true } : read;
  const attribution: Attribution = {
    cue: spanOf(ctx, c, from),
    speaker: source,
    ...(relay !== undefined ? { relay } : {}),
  };
  return {
    quote: makeQuote(
      ctx,
      startOffset,
      ctx.tokens[end - 1]!.end,
      parts.length > 0 ? 'mixed' : 'indirect',
      attribution,
      parts,
      cue.weak ? 0.5 : 0.6,
    ),
    end: close,
    pairs: inside.map((p) => p.open),
  };
}

// Between a relaying medium and عن: مساء أول من أمس.
const RELAY_GAP: ReadonlySet<string> = new Set(['اول', 'من']);
// Words a trailing source may take after its name before the clause ends (شهود في القرى المجاورة).
const MAX_SOURCE_TAIL = 6;

// Whole words only: لافروف after بحسب is the source, not a filler ل.
const REPORTING_FILLER = /^(ذكر|قال|اعلن|افاد|اورد|نقل|اكد|اوضح|نشر|جاء|كشف|صرح|اشار)\S*$/;
// (وفق ما كشف عنه X، بحسب ما أشار إليه X)
const ACCORDING_FILLER =
  /^(ل?ما|ل|به|بها|عنه|عنها|اليه|اليها|(ذكر|قال|اعلن|افاد|اورد|نقل|اكد|اوضح|نشر|اظهر|جاء|كشف|صرح|اشار)\S*)$/;
const ASIDES = new Set(['يذكر', 'يشار', 'ويذكر', 'ويشار', 'يجدر', 'يلاحظ']);
const SOURCE_PRONOUNS = new Set(['عن', 'عنه', 'عنها', 'عنهم', 'عنهما']);

/** نقلت وكالة «يونهاب» عنه قوله / نقلت عنه وكالة الصحافة الفرنسية / نقلت رويترز عن مسؤول قوله. */
function readRelay(
  ctx: QuoteContext,
  c: number,
  limit: number,
  previousSpeaker: QuoteSpeaker | undefined,
): { attribution: Partial<Attribution>; next: number } | undefined {
  const out: Partial<Attribution> = {};
  let i = c + 1;
  let speakerFound = false;
  for (let round = 0; round < 2 && i < limit; round++) {
    // Titles and dates may sit between the relaying agency and عن (نقل شترايتر نائب المتحدث… امس عن ميركل).
    if (round === 1 && out.relay !== undefined) {
      let k = i;
      while (
        k < Math.min(limit, i + 10) &&
        !SOURCE_PRONOUNS.has(wordAt(ctx, k)) &&
        ctx.tokens[k]!.type !== 'punct'
      )
        k++;
      if (SOURCE_PRONOUNS.has(wordAt(ctx, k))) i = k;
    }
    if (SOURCE_PRONOUNS.has(wordAt(ctx, i))) {
      if (wordAt(ctx, i) === 'عن') {
        const source = readSpeakerPhrase(ctx, i + 1, limit);
        if (source === undefined) return undefined;
        out.speaker = speakerFromPhrase(ctx, source, 'subject');
        i = source.to;
      } else {
        if (previousSpeaker !== undefined) out.speaker = { ...previousSpeaker, via: 'pronoun' };
        i++;
      }
      speakerFound = true;
      continue;
    }
    const agency = readSpeakerPhrase(ctx, i, limit);
    if (agency === undefined) break;
    const start = ctx.tokens[agency.from]!.start;
    const end = ctx.tokens[agency.to - 1]!.end;
    out.relay = {
      start,
      end,
      text: ctx.text.slice(start, end),
      ...(agency.mention ? { entityId: agency.mention.entityId } : {}),
    };
    i = agency.to;
  }
  if (!speakerFound && out.relay === undefined) return undefined;
  // The verbal noun قوله completes the cue: نقلت عنه قوله.
  const noun = ctx.tokens[i] === undefined ? undefined : cueOf(ctx.tokens[i]!);
  if (noun?.kind === 'noun') {
    out.cue = spanOf(ctx, c, i + 1);
    i++;
  }
  return { attribution: out, next: i };
}

/**
 * A report whose named source comes first: ووفقا لشترايتر، فإن داود أوغلو أطلع ميركل… / وبحسب الوكالة فإن…
 * The content is the فإن clause; without one (بحسب رويترز) nothing is reported here.
 */
function frontedAccording(
  ctx: QuoteContext,
  c: number,
  cue: CueEntry,
  pairAt: ReadonlyMap<number, MarkPair>,
  previousSpeaker: QuoteSpeaker | undefined,
): CueResult | undefined {
  const sentenceEnd = ctx.sentences[ctx.sentenceOf[c]!]!.tokenEnd;
  let from = c + 1;
  for (let skipped = 0; skipped < 3 && ACCORDING_FILLER.test(ctx.tokens[from]?.norm ?? ''); skipped++) from++;
  let phrase = readSourcePhrase(ctx, from, sentenceEnd);
  if (phrase === undefined) return undefined;
  phrase = issuerOf(ctx, phrase, sentenceEnd) ?? phrase;
  // وبحسب التقرير فإن…: a document already named speaks for whoever issued it; an unnamed source speaks as such;
  // a name in marks (وبحسب "الفرنسية") or a document of someone's (وبحسب تقرير شركة «…») speaks for itself.
  const document = phrase.mention === undefined && refersBack(ctx, phrase.from, phrase.to);
  const named =
    phrase.mention !== undefined ||
    isWordIn(ANONYMOUS_HEADS, ctx, phrase.from) ||
    (!document &&
      (ctx.pairs.some((p) => p.open >= phrase!.from && p.open < phrase!.to) ||
        (SOURCE_DOCUMENTS.has(wordAt(ctx, phrase.from)) && phrase.to - phrase.from > 1)));
  if (!named && !document) return undefined;
  if (document && previousSpeaker === undefined) return undefined;
  let k = phrase.to;
  // وبحسب تقرير شركة الأبحاث البريطانية «اكسفورد بزنس جروب» ففي: the name in marks ends the source.
  const quotedName = ctx.pairs.find((p) => p.open === k && p.closed && p.words <= 5);
  if (quotedName !== undefined) k = quotedName.close + 1;
  const comma = isPunct(ctx, k, '،') || isPunct(ctx, k, ',');
  if (comma) k++;
  const token = ctx.tokens[k];
  if (token === undefined) return undefined;
  // فإن / فقد / ففي open the content; at the head of its sentence, the source and a comma may stand alone before it
  // (وحسب موقع “فوربس”، يمكن للمستخدم …).
  const opens =
    FA_INNA.test(token.norm) ||
    (comma && c === ctx.sentences[ctx.sentenceOf[c]!]!.tokenStart && token.type === 'word');
  if (!opens) return undefined;
  // وبحسب «رويترز»، قال X إنه … / وبحسب "الفرنسية"، فقد ذكر متحدث أن …: a clause with a reporting verb of its own
  // is that verb's report; the source before it only relays.
  for (let j = k; j < Math.min(sentenceEnd, k + 4); j++) {
    const inner = cueOf(ctx.tokens[j]!);
    if (inner?.kind === 'verb' && opensContent(ctx, j + 1, sentenceEnd)) return undefined;
  }
  const attribution: Attribution = {
    cue: spanOf(ctx, c, c + 1),
    speaker:
      document && previousSpeaker !== undefined
        ? { ...previousSpeaker, via: 'previous' }
        : speakerFromPhrase(ctx, phrase, 'subject'),
  };
  return clauseQuote(ctx, k, clauseEnd(ctx, k, false), attribution, cue, pairAt);
}

// فإن، فإنه، فإنها، فقد، ففي: the clause a fronted source introduces.
const FA_INNA = /^(فان(ه|ها|هم|هما)?|فقد|ففي)$/;

/**
 * Speech after a colon, unmarked, ends where the writer names a new speaker: a reporting verb whose subject is a name
 * and whose content follows (… في الخمسينات وحول تسريع اعادة الامن … قال اللواء الحذيفي انه). The cut goes back to the
 * و opening that clause. Returns `end` when there is none.
 */
function namedReportStart(ctx: QuoteContext, from: number, end: number): number {
  for (let k = from + 1; k < end; k++) {
    const cue = cueOf(ctx.tokens[k]!);
    if (cue?.kind !== 'verb' || ctx.quoted[k] === 1) continue;
    const subject = readSpeakerPhrase(ctx, skipDates(ctx, k + 1), end);
    if (subject?.mention === undefined || !opensContent(ctx, subject.to, end)) continue;
    let cut = k;
    for (let j = k - 1; j > Math.max(from, k - 8); j--)
      if (ctx.tokens[j]!.parts?.[0]?.role === 'conjunction' || isPunct(ctx, j, '،')) {
        cut = isPunct(ctx, j, '،') ? j + 1 : j;
        break;
      }
    let last = cut;
    while (last > from + 1 && ctx.tokens[last - 1]!.type === 'punct') last--;
    return last;
  }
  return end;
}

/** ــ, ‐ or -: a dash setting off a parenthesis. */
function isDash(token: Token | undefined): boolean {
  return token !== undefined && (/^ـ+$/.test(token.text) || ['-', '–', '—'].includes(token.text));
}

// Words that open a clause before its verb (إذ تصل، حيث يبلغ): the reported clause starts after them.
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['اذ', 'حيث']);

/** Past a name in marks at token k («دوسيبو»), or k itself. */
function skipQuotedTail(ctx: QuoteContext, k: number): number {
  const pair = ctx.pairs.find((p) => p.open === k && p.closed && p.words <= 5);
  return pair === undefined ? k : pair.close + 1;
}

/** تقرير صادر عن مؤسسة «دوسيبو»: the body that issued a document named as a source, if the text names it. */
function issuerOf(ctx: QuoteContext, phrase: SpeakerPhrase, limit: number): SpeakerPhrase | undefined {
  if (!SOURCE_DOCUMENTS.has(wordAt(ctx, phrase.from))) return undefined;
  const k = phrase.to;
  if (!/^(ال)?صادر(ه)?$/.test(wordAt(ctx, k)) || wordAt(ctx, k + 1) !== 'عن') return undefined;
  return readSpeakerPhrase(ctx, k + 2, limit);
}

/** An attribution right after a quotation: «…»، قال بيسكوف / «…» بحسب المتحدث. */
function attributionAfterQuote(
  ctx: QuoteContext,
  pair: MarkPair,
  carried: (agreement: CueAgreement | undefined) => QuoteSpeaker | undefined,
): (Attribution & { end: number; agreement?: CueAgreement }) | undefined {
  if (!pair.closed || pair.words < MIN_QUOTE_WORDS) return undefined;
  let k = pair.close + 1;
  if (isPunct(ctx, k, '،') || isPunct(ctx, k, ',')) k++;
  if (ctx.tokens[k] === undefined || ctx.paragraphOf[k] !== ctx.paragraphOf[pair.open]) return undefined;
  // «…» على حد قوله/تعبيره: the speaker is the pronoun's, carried over.
  const asHeSaid = AS_HE_SAID.exec(
    `${wordAt(ctx, k)} ${wordAt(ctx, k + 1)} ${ctx.tokens[k + 2]?.norm ?? ''}`,
  );
  if (asHeSaid !== null) {
    const pronoun = asHeSaid[1]!;
    const agreement: CueAgreement =
      pronoun === 'ها'
        ? { person: 3, gender: 'f', number: 'singular', passive: false }
        : pronoun === 'هم'
          ? { person: 3, gender: 'm', number: 'plural', passive: false }
          : { person: 3, gender: 'm', number: 'singular', passive: false };
    const speaker = carried(agreement);
    if (speaker === undefined) return undefined;
    return { cue: spanOf(ctx, k, k + 3), speaker: { ...speaker, via: 'pronoun' }, end: k + 3, agreement };
  }
  // «…»، كما يقول الضابط عبد السلام: كما before the cue.
  const as = wordAt(ctx, k) === 'كما' && cueOf(ctx.tokens[k + 1]!)?.kind === 'verb' ? k : -1;
  if (as >= 0) k++;
  const token = ctx.tokens[k]!;
  const cue = cueOf(token);
  if (cue === undefined || (cue.kind !== 'verb' && cue.kind !== 'according') || cue.weak) return undefined;
  const sentence = ctx.sentences[ctx.sentenceOf[k]!]!;
  const limit = sentence.tokenEnd;
  // اتفق الرئيسان على العمل «لوقف تدفق المقاتلين»، وفقا لما ذكره البيت الأبيض: the source reports the whole
  // clause, quoted words and all; the trailing attribution takes it.
  if (
    cue.kind === 'according' &&
    pair.open > sentence.tokenStart + 1 &&
    ctx.sentenceOf[pair.open] === ctx.sentenceOf[k]
  )
    return undefined;
  let from = k + 1;
  // وفقا لما ذكره البيت الأبيض / بحسب ما أفاد به المتحدث: skip to the source.
  for (
    let skipped = 0;
    cue.kind === 'according' && skipped < 3 && ACCORDING_FILLER.test(ctx.tokens[from]?.norm ?? '');
    skipped++
  )
    from++;
  const phrase = readSpeakerPhrase(ctx, skipDates(ctx, from), limit);
  // A cue followed by its own clause or quotation is a new statement, not this one's attribution.
  const next = ctx.tokens[phrase?.to ?? from];
  if (
    next !== undefined &&
    (isComplementizer(next, ctx.tokens[(phrase?.to ?? from) - 1]) || isPunct(ctx, phrase?.to ?? from, ':'))
  )
    return undefined;
  const agreement = agreementOf(token);
  const previousSpeaker = phrase === undefined ? carried(agreement) : undefined;
  const speaker =
    phrase !== undefined
      ? speakerFromPhrase(ctx, phrase, 'after-quote')
      : previousSpeaker && { ...previousSpeaker, via: 'previous' as const };
  if (speaker === undefined) return undefined;
  return {
    cue: spanOf(ctx, as >= 0 ? as : k, k + 1),
    speaker,
    end: phrase?.to ?? k + 1,
    ...(agreement !== undefined ? { agreement } : {}),
  };
}

function directQuote(
  ctx: QuoteContext,
  pair: MarkPair,
  attribution: Partial<Attribution>,
  confidence: number,
): CueResult {
  return {
    quote: makeQuote(ctx, pair.innerStart, pair.innerEnd, 'direct', attribution, [], confidence),
    end: pair.close + 1,
    pairs: [pair.open],
  };
}

function clauseQuote(
  ctx: QuoteContext,
  from: number,
  to: number,
  attribution: Attribution,
  cue: CueEntry,
  pairAt: ReadonlyMap<number, MarkPair>,
  confidence = cue.weak ? 0.6 : 0.8,
): CueResult {
  // Quotation marks inside the clause: a fragment of a few words stays indirect; a longer one makes it mixed.
  const inside = [...pairAt.values()].filter((p) => p.open >= from && p.close < to);
  const quoted = inside.filter((p) => p.words >= MIN_QUOTE_WORDS);
  const form: QuoteForm = quoted.length > 0 ? 'mixed' : 'indirect';
  const parts = quoted.map((p) => ({
    start: p.innerStart,
    end: p.innerEnd,
    text: ctx.text.slice(p.innerStart, p.innerEnd),
  }));
  const start = ctx.tokens[from]!.start;
  const end = ctx.tokens[to - 1]!.end;
  return {
    quote: makeQuote(ctx, start, end, form, attribution, parts, confidence),
    end: to,
    pairs: inside.map((p) => p.open),
  };
}

function makeQuote(
  ctx: QuoteContext,
  start: number,
  end: number,
  form: QuoteForm,
  attribution: Partial<Attribution>,
  quotedParts: readonly TextSpan[],
  confidence: number,
): Quote {
  const quote: { -readonly [K in keyof Quote]: Quote[K] } = {
    kind: 'quote',
    start,
    end,
    text: ctx.text.slice(start, end),
    form,
    confidence,
  };
  if (attribution.cue !== undefined) quote.cue = attribution.cue;
  if (attribution.speaker !== undefined) quote.speaker = attribution.speaker;
  if (attribution.audience !== undefined) quote.audience = attribution.audience;
  if (attribution.channel !== undefined) quote.channel = attribution.channel;
  if (attribution.relay !== undefined) quote.relay = attribution.relay;
  if (attribution.date !== undefined) quote.date = attribution.date;
  if (quotedParts.length > 0) quote.quotedParts = quotedParts;
  return quote;
}

function spanOf(ctx: QuoteContext, from: number, to: number): TextSpan {
  const start = ctx.tokens[from]!.start;
  const end = ctx.tokens[Math.max(from, to - 1)]!.end;
  return { start, end, text: ctx.text.slice(start, end) };
}

/** The end of the mention starting at token k (an audience named: لوكالة الصحافة الفرنسية). */
function extendOverMention(ctx: QuoteContext, k: number): number {
  const mention = ctx.mentionOf[k];
  let end = k + 1;
  while (mention !== undefined && ctx.mentionOf[end] === mention) end++;
  return end;
}
