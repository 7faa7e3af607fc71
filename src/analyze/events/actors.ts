import type { Entity, EventActor, Mention, Token } from '../../core/annotations.ts';
import { arabicNameOf, type Registry } from '../entities/registry/index.ts';
import { type AgentLexicon, defaultAgentLexicon, findAgentMentions, type TokenRange } from './agents.ts';
import type { EventLexicon } from './lexicon.ts';
import { baseMayBeKey, baseWord, cliticPreposition, startsWithConjunction, TailFilter } from './words.ts';

/** A possible event participant in the text: an entity mention, a collective (بلدان غربية), or a counterpart (نظيره الياباني). */
export interface ActorCandidate {
  readonly actor: EventActor;
  readonly type: 'PER' | 'ORG' | 'LOC' | 'GROUP';
  readonly firstToken: number;
  readonly lastToken: number;
  /** The preposition right before it, normalized (مع، علي، الي، من، ب، ل…). */
  readonly preposition?: string;
  /** Joined to the previous word by و: a coordinated second actor. */
  readonly coordinated: boolean;
  /** A country, a capital standing for it, or a group of states: a place that can act. */
  readonly statelike: boolean;
}

// With حسب، وفق، بحسب the name is the one reporting (حسب وكالة الصحافة الفرنسية): it fills no slot.
const PREPOSITION_WORDS = new Set([
  'مع',
  'علي',
  'الي',
  'من',
  'عن',
  'ضد',
  'في',
  'قرب',
  'بين',
  'حول',
  'عبر',
  'لدي',
  'نحو',
  'حسب',
  'وفق',
  'وفقا',
  'بحسب',
]);
// Words standing for "the other side" that take a nationality adjective: مع نظيريه الياباني والكوري الجنوبي.
const COUNTERPART_HEADS = [
  'نظير',
  'نظراء',
  'الجانب',
  'السلطات',
  'الحكومه',
  'القوات',
  'وفد',
  'المسؤولين',
  'مسؤولين',
  // Acts of force told with the doer's nationality (الغارات التركية، القصف الروسي، الهجمات الإسرائيلية).
  'الغارات',
  'الغاره',
  'الهجمات',
  'الهجوم',
  'القصف',
  'الضربات',
  'العدوان',
];
// One pass over the word instead of one search per head.
const COUNTERPART_HEAD = new RegExp(COUNTERPART_HEADS.join('|'));
// The letters of a word as bits (folded mod 32: a shared bit only lets more words through to the regex).
function letterBits(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) bits |= 1 << (word.charCodeAt(i) & 31);
  return bits;
}
const HEAD_BITS = COUNTERPART_HEADS.map(letterBits);
/** False when the word lacks a letter of every counterpart head, so holds none. */
function mayHoldHead(word: string): boolean {
  const bits = letterBits(word);
  for (const head of HEAD_BITS) if ((bits & head) === head) return true;
  return false;
}

/** The base words of tokens [from, to), joined by spaces. */
function baseWords(wordAt: (i: number) => string, from: number, to: number): string {
  let out = wordAt(from);
  for (let k = from + 1; k < to; k++) out += ` ${wordAt(k)}`;
  return out;
}

// The first words of the lexicon's collective actors, to rule out most words without a lookup.
const collectiveFilters = new WeakMap<ReadonlyMap<string, unknown>, TailFilter>();
function collectiveFirstWords(collectives: ReadonlyMap<string, unknown>): TailFilter {
  let filter = collectiveFilters.get(collectives);
  if (filter === undefined) {
    filter = new TailFilter(collectives.keys());
    collectiveFilters.set(collectives, filter);
  }
  return filter;
}

/** Index of the token containing `offset` (binary search over token starts). */
/** The canonical (and, for names not in Arabic, Arabic) name of a registry actor; nothing for others. */
export function linkedName(entity: Entity | undefined): Pick<EventActor, 'name' | 'arabicName'> {
  if (entity === undefined || !entity.id.startsWith('actor:')) return {};
  return { name: entity.name, ...(entity.arabicName !== undefined ? { arabicName: entity.arabicName } : {}) };
}

export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// What a word carries before a name inside it when the tokenizer kept it whole: وبكيم → و + ب.
function gluedPrefix(text: string, token: Token, start: number): string {
  return text.slice(token.start, start).replace(/ال$/, '');
}

function prepositionBefore(
  text: string,
  tokens: readonly Token[],
  first: number,
  start: number,
): string | undefined {
  const token = tokens[first]!;
  if (token.start < start) {
    const glued = gluedPrefix(text, token, start).replace(/^[وف]/, '');
    return (
      cliticPreposition(token, start) ?? (glued === 'ب' || glued === 'ل' || glued === 'ك' ? glued : undefined)
    );
  }
  const previous = tokens[first - 1];
  if (previous === undefined) return undefined;
  const word = baseWord(previous);
  return PREPOSITION_WORDS.has(word) ? word : undefined;
}

function coordinatedAt(text: string, tokens: readonly Token[], first: number, start: number): boolean {
  const token = tokens[first]!;
  if (token.start < start) return /^[وف]/.test(gluedPrefix(text, token, start));
  return tokens[first - 1]?.norm === 'و' || (token.start === start && startsWithConjunction(token));
}

interface CandidateInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly entities: readonly Entity[];
  readonly registry: Registry;
  readonly lexicon: EventLexicon;
  readonly agents?: AgentLexicon;
  /**
   * The token spans (sentences, in order) whose participants are wanted: participants named by role and by word are
   * looked for around them only. All of them when absent.
   */
  readonly within?: readonly { readonly tokenStart: number; readonly tokenEnd: number }[];
}

/**
 * The token ranges to look in for the spans wanted: each from the punctuation before it to the punctuation after it.
 * No role phrase, collective or nationality adjective runs across punctuation, so a look from there finds in the
 * span what a look over the whole text finds.
 */
function lookRanges(tokens: readonly Token[], within: CandidateInput['within']): TokenRange[] {
  if (within === undefined) return [[0, tokens.length]];
  const ranges: [number, number][] = [];
  for (const span of within) {
    let from = span.tokenStart;
    while (from > 0 && tokens[from - 1]!.type !== 'punct') from--;
    let to = span.tokenEnd;
    while (to < tokens.length && tokens[to]!.type !== 'punct') to++;
    const previous = ranges.at(-1);
    if (previous !== undefined && from <= previous[1]) previous[1] = Math.max(previous[1], to);
    else ranges.push([from, to]);
  }
  return ranges;
}

const STATELIKE = new Set(['country', 'capital']);

function place(
  input: CandidateInput,
  start: number,
  end: number,
): Pick<ActorCandidate, 'firstToken' | 'lastToken' | 'preposition' | 'coordinated'> {
  const firstToken = tokenAt(input.tokens, start);
  const lastToken = tokenAt(input.tokens, end - 1);
  const preposition = prepositionBefore(input.text, input.tokens, firstToken, start);
  return {
    firstToken,
    lastToken,
    ...(preposition !== undefined ? { preposition } : {}),
    coordinated: coordinatedAt(input.text, input.tokens, firstToken, start),
  };
}

function countryActor(
  input: CandidateInput,
  country: string,
): Pick<EventActor, 'entityId' | 'name' | 'arabicName'> {
  const id = input.registry.countryActors.get(country);
  const name = id === undefined ? undefined : input.registry.actors.get(id)?.name;
  const arabicName = id === undefined ? undefined : arabicNameOf(input.registry, id);
  return {
    ...(id !== undefined ? { entityId: id } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(arabicName !== undefined ? { arabicName } : {}),
  };
}

/** Whether a shorter mention lies inside this one; `byStart` holds every mention, sorted by start. */
function hidesAnother(byStart: readonly Mention[], m: Mention): boolean {
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byStart[mid]!.start < m.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < byStart.length && byStart[k]!.start <= m.end; k++) {
    const o = byStart[k]!;
    if (o !== m && o.end <= m.end && o.end - o.start < m.end - m.start) return true;
  }
  return false;
}

/**
 * The text spans [start, end) of the look ranges with the punctuation token at each side: a candidate outside all of
 * them is kept apart by punctuation from every candidate in them, and no rule joins candidates across punctuation.
 */
function rangeSpans(tokens: readonly Token[], ranges: readonly TokenRange[]): Float64Array {
  const spans = new Float64Array(ranges.length * 2);
  ranges.forEach(([from, to], k) => {
    spans[2 * k] = tokens[Math.max(0, from - 1)]?.start ?? 0;
    // To the next token's start: an offset in the spaces after the punctuation falls in its token.
    spans[2 * k + 1] = tokens[to + 1]?.start ?? Number.POSITIVE_INFINITY;
  });
  return spans;
}

/** Whether [start, end) meets one of the spans (in text order, starts and ends rising). */
function meetsSpan(spans: Float64Array, start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid + 1]! <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length / 2 && spans[2 * lo]! < end;
}

/**
 * Entity mentions as actors: names without the wider model spans that contain them, a description and its name
 * joined. With `spans`, only the mentions whose joined run meets one of them are placed in the tokens (the rest
 * are no participant of the acts looked at, and placing costs).
 */
function mentionCandidates(input: CandidateInput, spans?: Float64Array): ActorCandidate[] {
  const byId = new Map(input.entities.map((e) => [e.id, e]));
  // By start, to look for the spans inside a mention among those starting within it only (stable: ties keep order).
  const byStart = [...input.mentions].sort((a, b) => a.start - b.start);
  const usable = byStart
    .filter((m) => m.type !== 'MISC')
    // A model span over two names (موسكو وبيونغ يانغ) hides the two actors inside it.
    .filter((m) => !hidesAnother(byStart, m));
  // الزعيم الكوري الشمالي كيم جونغ أون: the description and the name are one participant. Which mention joins the
  // one before is told on offsets and text alone, for all of them, so a run is kept or dropped whole.
  const joins = new Uint8Array(usable.length);
  const kept = new Uint8Array(usable.length);
  let runStart = 0;
  let runEnd = 0;
  for (let k = 0; k <= usable.length; k++) {
    const mention = usable[k];
    if (
      mention !== undefined &&
      k > 0 &&
      usable[k - 1]!.entityId === mention.entityId &&
      /^[\s،,]*$/.test(input.text.slice(runEnd, mention.start))
    ) {
      joins[k] = 1;
      runEnd = mention.end;
      continue;
    }
    if (k > 0 && (spans === undefined || meetsSpan(spans, usable[runStart]!.start, runEnd)))
      kept.fill(1, runStart, k);
    if (mention !== undefined) {
      runStart = k;
      runEnd = mention.end;
    }
  }
  const out: ActorCandidate[] = [];
  for (const [k, mention] of usable.entries()) {
    if (kept[k] === 0) continue;
    const entity = byId.get(mention.entityId);
    const previous = out.at(-1);
    if (joins[k] === 1 && previous !== undefined) {
      out[out.length - 1] = {
        ...previous,
        actor: {
          ...previous.actor,
          end: mention.end,
          text: input.text.slice(previous.actor.start, mention.end),
        },
        lastToken: tokenAt(input.tokens, mention.end - 1),
      };
      continue;
    }
    out.push({
      actor: {
        start: mention.start,
        end: mention.end,
        text: mention.text,
        entityId: mention.entityId,
        ...linkedName(entity),
        ...(entity?.country !== undefined ? { country: entity.country } : {}),
      },
      type: mention.type === 'MISC' ? 'GROUP' : mention.type,
      statelike: STATELIKE.has(input.registry.actors.get(mention.entityId)?.kind ?? ''),
      ...place(input, mention.start, mention.end),
    });
  }
  return out;
}

/** Collective actors (بلدان غربية) and nationality adjectives after a counterpart word (نظيريه الياباني والكوري الجنوبي). */
function wordCandidates(
  input: CandidateInput,
  taken: readonly ActorCandidate[],
  ranges: readonly TokenRange[],
): ActorCandidate[] {
  const { tokens } = input;
  const covered = new Uint8Array(tokens.length);
  for (const c of taken) for (let i = c.firstToken; i <= c.lastToken; i++) covered[i] = 1;
  const out: ActorCandidate[] = [];
  // Base words made only where a rule reads them: most words are ruled out on their letters first.
  const words: string[] = [];
  const wordAt = (i: number): string => (words[i] ??= baseWord(tokens[i]!));
  const phraseAt = (i: number, length: number): string => {
    const parts: string[] = [];
    for (let k = i; k < i + length && k < tokens.length; k++) parts.push(wordAt(k));
    return parts.join(' ');
  };
  const collectives = input.lexicon.collectives;
  const firstWords = collectiveFirstWords(collectives);
  for (const [from, to] of ranges)
    for (let i = from; i < to; i++) {
      if (covered[i] === 1 || tokens[i]!.type !== 'word') continue;
      const maybeCollective =
        firstWords.mayHaveTail(tokens[i]!.norm, 0) || baseMayBeKey(firstWords, tokens[i]!);
      for (const { words: phrase, actor } of (maybeCollective
        ? (collectives.get(wordAt(i)) ?? collectives.get(tokens[i]!.norm))
        : undefined) ?? []) {
        if (phrase.length > 1 && phraseAt(i + 1, phrase.length - 1) !== phrase.slice(1).join(' ')) continue;
        const last = i + phrase.length - 1;
        const start =
          tokens[i]!.parts?.find((p) => p.role !== 'conjunction' && p.role !== 'preposition')?.start ??
          tokens[i]!.start;
        out.push({
          actor: {
            start,
            end: tokens[last]!.end,
            text: input.text.slice(start, tokens[last]!.end),
            name: actor.name,
            country: actor.code,
          },
          type: 'GROUP',
          statelike: true,
          ...place(input, start, tokens[last]!.end),
        });
        i = last;
        break;
      }
      // 15 فلسطينيا، مقتل 3 سوريين، يمنيون: a nationality as a noun of people, civilians of that country.
      const people = peopleOfNationality(input, tokens[i]!);
      if (people !== undefined) {
        const token = tokens[i]!;
        const start = token.parts?.find((p) => p.role === 'base')?.start ?? token.start;
        out.push({
          actor: {
            start,
            end: token.end,
            text: input.text.slice(start, token.end),
            agent: 'CVL',
            country: people,
          },
          type: 'GROUP',
          statelike: false,
          ...place(input, start, token.end),
        });
        continue;
      }
      if (!mayHoldHead(tokens[i]!.norm) || !COUNTERPART_HEAD.test(tokens[i]!.norm)) continue;
      // Nationality adjectives following the counterpart word, joined by و.
      let j = i + 1;
      let coordinated = false;
      while (j < tokens.length && covered[j] !== 1) {
        const demonym = longestDemonym(input, wordAt, tokens, j);
        if (demonym === undefined) break;
        const start =
          tokens[j]!.parts?.find((p) => p.role === 'base' || p.role === 'article')?.start ?? tokens[j]!.start;
        const end = tokens[j + demonym.length - 1]!.end;
        out.push({
          actor: {
            start,
            end,
            text: input.text.slice(start, end),
            country: demonym.country,
            ...countryActor(input, demonym.country),
          },
          type: 'LOC',
          statelike: true,
          firstToken: j,
          lastToken: j + demonym.length - 1,
          ...(coordinated
            ? {}
            : { preposition: prepositionBefore(input.text, tokens, i, tokens[i]!.start) ?? '' }),
          coordinated,
        });
        j += demonym.length;
        coordinated = true;
      }
    }
  return out;
}

// Endings of a nationality used as a noun of people, indefinite (فلسطينيا، سوريين، يمنيون، لبنانيان، مصريتان).
const PEOPLE_ENDINGS = ['يين', 'يون', 'يان', 'يتين', 'يتان', 'يا'];
const NOON = 0x0646;
const ALEF_CODE = 0x0627;

/** The country whose people an indefinite nationality noun names (فلسطينيا → PSE); an adjective with ال is not one. */
function peopleOfNationality(input: CandidateInput, token: Token): string | undefined {
  const norm = token.norm;
  const last = norm.charCodeAt(norm.length - 1);
  if (token.type !== 'word' || (last !== NOON && last !== ALEF_CODE) || norm.length < 5) return undefined;
  const word = baseWord(token);
  if (word.startsWith('ال')) return undefined;
  for (const ending of PEOPLE_ENDINGS) {
    if (!word.endsWith(ending) || word.length < ending.length + 3) continue;
    const country = input.registry.demonyms.get(`ال${word.slice(0, -ending.length)}ي`);
    if (country !== undefined) return country;
  }
  return undefined;
}

function longestDemonym(
  input: CandidateInput,
  wordAt: (i: number) => string,
  tokens: readonly Token[],
  at: number,
): { length: number; country: string } | undefined {
  for (let length = input.registry.maxDemonymWords; length >= 1; length--) {
    if (at + length > tokens.length) continue;
    // The registry keys keep the article: الياباني. A و before it is a coordination, not part of the adjective.
    const first = tokens[at]!.norm.startsWith('وال') ? tokens[at]!.norm.slice(1) : tokens[at]!.norm;
    const key = [first, ...tokens.slice(at + 1, at + length).map((t) => t.norm)].join(' ');
    const country =
      input.registry.demonyms.get(key) ??
      input.registry.demonyms.get(baseWords(wordAt, at, Math.min(at + length, tokens.length)));
    if (country !== undefined) return { length, country };
  }
  return undefined;
}

/**
 * Participants named by their role (قوات الأمن الباكستانية، مسلحون مجهولون، 5 مدنيين): an agent code and, when a
 * nationality adjective follows, a country. A name inside the phrase (النظام السوري) gives way to the phrase.
 */
function agentCandidates(
  input: CandidateInput,
  named: readonly ActorCandidate[],
  ranges: readonly TokenRange[],
): { agents: ActorCandidate[]; inside: Set<ActorCandidate>; replaced: Map<ActorCandidate, ActorCandidate> } {
  const lexicon = input.agents ?? defaultAgentLexicon();
  const found = findAgentMentions(
    input.tokens,
    lexicon,
    (words) => input.registry.demonyms.get(words),
    input.registry.maxDemonymWords,
    ranges,
  );
  const agents: ActorCandidate[] = [];
  const inside = new Set<ActorCandidate>();
  const replaced = new Map<ActorCandidate, ActorCandidate>();
  for (const m of found) {
    const overlapping = named.filter((c) => c.actor.start < m.end && m.start < c.actor.end);
    if (overlapping.some((c) => c.actor.start < m.start || c.actor.end > m.end)) continue;
    // A name the registry knows (وزير الخارجية الروسي → Lavrov) stays the participant; the role only adds its code.
    const linked = overlapping.filter((c) => c.actor.entityId?.startsWith('actor:') === true);
    if (linked.length > 0) {
      for (const c of linked)
        if (c.actor.agent === undefined) replaced.set(c, { ...c, actor: { ...c.actor, agent: m.agent } });
      continue;
    }
    for (const c of overlapping) inside.add(c);
    agents.push({
      actor: {
        start: m.start,
        end: m.end,
        text: input.text.slice(m.start, m.end),
        agent: m.agent,
        ...(m.country !== undefined ? { country: m.country } : {}),
      },
      type: 'GROUP',
      statelike: false,
      ...place(input, m.start, m.end),
    });
  }
  return { agents, inside, replaced };
}

/** Every possible participant of the document, in text order. */
export function actorCandidates(input: CandidateInput): ActorCandidate[] {
  const ranges = lookRanges(input.tokens, input.within);
  const mentions = mentionCandidates(
    input,
    input.within === undefined ? undefined : rangeSpans(input.tokens, ranges),
  );
  const named = [...mentions, ...wordCandidates(input, mentions, ranges)];
  const { agents, inside, replaced } = agentCandidates(input, named, ranges);
  const all = [...named.filter((c) => !inside.has(c)).map((c) => replaced.get(c) ?? c), ...agents].sort(
    (a, b) => a.actor.start - b.actor.start,
  );
  return withTitlesJoined(input.text, input.tokens, all);
}

// Honorifics and ranks between a title and the name (اللواء الركن سعيد، الأمير صاحب السمو الملكي فيصل).
const HONORIFICS = new Set([
  'الركن',
  'ركن',
  'صاحب',
  'السمو',
  'سمو',
  'الملكي',
  'معالي',
  'فضيله',
  'سماحه',
  'فخامه',
  'دوله',
  'الشيخ',
  'الدكتور',
  'د',
  'المهندس',
  'الاستاذ',
  'السيد',
  'السيده',
  'الامير',
  'الاميره',
  'اول',
  'الاول',
  'بحري',
  'طيار',
  'متقاعد',
]);

const isTitle = (c: ActorCandidate | undefined): c is ActorCandidate =>
  c !== undefined && c.actor.agent !== undefined && c.actor.entityId === undefined;
// A title is one person's (وزير، ولي عهد، قائد): not a plural or collective role (المواطنين، القوات، الحكومة).
const isPersonTitle = (c: ActorCandidate | undefined, tokens: readonly Token[]): c is ActorCandidate =>
  isTitle(c) &&
  /^(?:GOV|MIL|JUD|LEG|COP|REL|MED|EDU|BUS|HLH)/.test(c.actor.agent!) &&
  !/(?:ين|ون|ات)$/.test(baseWord(tokens[c.lastToken]!)) &&
  !/(?:ين|ون|ات)$/.test(baseWord(tokens[c.firstToken]!)) &&
  !/^(?:حكومه|الحكومه|قوات|القوات|الجيش|جيش|الشرطه|شرطه|وزاره|الوزاره|اداره|الاداره|سلطات|السلطات)$/.test(
    baseWord(tokens[c.firstToken]!),
  );

function punctuationBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.type !== 'word' && tokens[i]!.type !== 'number') return true;
  return false;
}

function onlyHonorifics(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++)
    if (!HONORIFICS.has(baseWord(tokens[i]!)) && !HONORIFICS.has(tokens[i]!.norm)) return false;
  return to - from <= 3;
}

/** The title's genitive place right after it (وزير خارجية مصر، ولي عهد أبوظبي), which names no one of its own. */
function genitivePlace(title: ActorCandidate, next: ActorCandidate | undefined): ActorCandidate | undefined {
  return next !== undefined &&
    next.type === 'LOC' &&
    next.firstToken === title.lastToken + 1 &&
    !next.coordinated &&
    next.preposition === undefined
    ? next
    : undefined;
}

/**
 * A role right before a person's name is that person's title (وزير الزراعة أوري أرائيل، اللواء الركن سعيد
 * الغامدي، وزير خارجية مصر سامح شكري), and a person's title right after the name is in apposition (محمد بن زايد
 * ولي عهد أبوظبي): one participant, the person, with the role's agent code.
 */
function withTitlesJoined(
  text: string,
  tokens: readonly Token[],
  candidates: readonly ActorCandidate[],
): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    if (isTitle(candidate)) {
      const place = genitivePlace(candidate, candidates[i + 1]);
      const nameAt = place === undefined ? i + 1 : i + 2;
      const name = candidates[nameAt];
      const titleEnd = (place ?? candidate).lastToken;
      if (
        name !== undefined &&
        name.type === 'PER' &&
        !name.coordinated &&
        name.preposition === undefined &&
        name.firstToken > titleEnd &&
        onlyHonorifics(tokens, titleEnd + 1, name.firstToken)
      ) {
        out.push({
          ...name,
          actor: {
            ...name.actor,
            start: candidate.actor.start,
            text: text.slice(candidate.actor.start, name.actor.end),
            agent: candidate.actor.agent!,
          },
          firstToken: candidate.firstToken,
          coordinated: candidate.coordinated,
          ...(candidate.preposition !== undefined ? { preposition: candidate.preposition } : {}),
        });
        i = nameAt;
        continue;
      }
    }
    const title = candidates[i + 1];
    if (
      candidate.type === 'PER' &&
      isPersonTitle(title, tokens) &&
      title.firstToken === candidate.lastToken + 1 &&
      !title.coordinated &&
      title.preposition === undefined
    ) {
      // The title is followed by no name of its own (else it is the next person's: استقبل الملك سلمان الأمير محمد).
      const place = genitivePlace(title, candidates[i + 2]);
      // رئيس لجنة الأمن والدفاع العميد الجريري: a name further on, in the same phrase, is the title's own.
      const ownName = candidates.some(
        (c, k) =>
          k > i + 1 &&
          c.type === 'PER' &&
          c.firstToken > title.lastToken &&
          c.firstToken <= title.lastToken + 8 &&
          !punctuationBetween(tokens, title.lastToken + 1, c.firstToken),
      );
      if (!ownName) {
        const last = place ?? title;
        out.push({
          ...candidate,
          actor: {
            ...candidate.actor,
            end: last.actor.end,
            text: text.slice(candidate.actor.start, last.actor.end),
            agent: candidate.actor.agent ?? title.actor.agent!,
          },
          lastToken: last.lastToken,
        });
        i += place === undefined ? 1 : 2;
        continue;
      }
    }
    out.push(candidate);
  }
  return out;
}
