import type { Mention, QuoteSpeaker, Token } from '../../core/annotations.ts';
import { cueOf, isComplementizer } from './cues.ts';
import {
  ANONYMOUS_HEADS,
  DATE_WORDS,
  SOURCE_DOCUMENTS,
  hasLamPrefix,
  isPunct,
  isWordIn,
  PHRASE_STOPS,
  type QuoteContext,
  RELATIVES,
  wordAt,
} from './context.ts';

const MAX_PHRASE_TOKENS = 12;
const REFERRING_ADJECTIVES: ReadonlySet<string> = new Set(['المذكور', 'المذكوره', 'المذكورين', 'المذكورون']);
// Pronoun-like quantifiers that can be a verb's subject before it (البعض قال، آخرون أكدوا).
const UNNAMED_SUBJECTS: ReadonlySet<string> = new Set([
  'البعض',
  'بعضهم',
  'اخرون',
  'كثيرون',
  'الجميع',
  'اخرين',
]);

/** The noun phrase naming who speaks: token range [from, to) and the mention chosen as its head. */
export interface SpeakerPhrase {
  readonly from: number;
  readonly to: number;
  readonly mention?: Mention;
}

function isPhraseWord(ctx: QuoteContext, i: number): boolean {
  const token = ctx.tokens[i];
  if (token === undefined || (token.type !== 'word' && token.type !== 'latin' && token.type !== 'number'))
    return false;
  // ــ written with the elongation stroke is a dash (ــ وفقاً للدراسة ــ), not a word.
  if (/^ـ+$/.test(token.text)) return false;
  // أحد without its article is "one of" (أحد أصحاب المحال), not the day الأحد.
  if (isWordIn(PHRASE_STOPS, ctx, i) && !(wordAt(ctx, i) === 'احد' && !hasArticle(token))) return false;
  // لـ «عكاظ»: the preposition standing alone opens an audience.
  if (token.norm === 'ل' && token.parts === undefined) return false;
  if (isComplementizer(token, ctx.tokens[i - 1])) return false;
  if (cueOf(token) !== undefined && ctx.mentionOf[i] === undefined) return false;
  // ل-prefixed words after a phrase are audiences (للصحافيين), unless part of a name.
  return !(hasLamPrefix(token) && ctx.mentionOf[i] === undefined);
}

/**
 * A name in quotation marks inside a speaker phrase: وكالة «يونهاب», or a whole name right before a colon
 * or a clause (وقال "ولد الشيخ أحمد": …). Returns the index after the closing mark, or -1.
 */
function skipQuotedName(ctx: QuoteContext, i: number): number {
  const open = ctx.tokens[i];
  if (open?.type !== 'punct' || !['«', '“', '"'].includes(open.text)) return -1;
  for (let k = i + 1; k <= i + 5 && k < ctx.tokens.length; k++) {
    const t = ctx.tokens[k]!;
    if (t.type !== 'punct') continue;
    if (!['»', '”', '"'].includes(t.text) || k === i + 1) return -1;
    const words = k - i - 1;
    if (words <= 2) return k + 1;
    const after = ctx.tokens[k + 1];
    const beforeContent =
      after === undefined ||
      isPunct(ctx, k + 1, ':') ||
      isPunct(ctx, k + 1, '،') ||
      isPunct(ctx, k + 1, '؛') ||
      isComplementizer(after, t);
    return beforeContent ? k + 1 : -1;
  }
  return -1;
}

/**
 * Reads the speaker phrase starting at token `from` (the subject after a cue, VSO order). A person named in
 * it wins over institutions in its titles (المتحدث باسم الكرملين دميتري بيسكوف → بيسكوف); a comma may
 * separate a title from the name in apposition (حاكم منطقة خابروفسك، ميخائيل ديغتياريف).
 */
export function readSpeakerPhrase(
  ctx: QuoteContext,
  from: number,
  limit: number,
  prefixed = false,
): SpeakerPhrase | undefined {
  if (!prefixed && isAdverbial(ctx, from)) return undefined;
  let i = from;
  const end = Math.min(limit, from + MAX_PHRASE_TOKENS);
  let person: Mention | undefined;
  let firstMention: Mention | undefined;
  let lastWord = -1;
  while (i < end) {
    // ورقة بعنوان «التعلم الإلكتروني في المملكة: الماضي والحاضر والمستقبل»: a title belongs to the phrase.
    const title =
      wordAt(ctx, i - 1) === 'بعنوان' ? ctx.pairs.find((p) => p.open === i && p.closed) : undefined;
    const skipped = title !== undefined ? title.close + 1 : skipQuotedName(ctx, i);
    if (skipped > 0) {
      // العم “حمزة الحكيم”: a name in marks is still the name.
      const inside = ctx.mentionOf[i + 1];
      if (inside?.type === 'PER' && person === undefined) {
        firstMention ??= inside;
        person = inside;
      }
      lastWord = skipped - 1;
      i = skipped;
      continue;
    }
    if (isPunct(ctx, i, '،') || isPunct(ctx, i, ',')) {
      // Apposition: a comma followed by a person's name continues the phrase.
      const next = ctx.mentionOf[i + 1];
      if (next?.type === 'PER' && person === undefined && lastWord >= from) {
        i++;
        continue;
      }
      // وقال زميل آخر له، هو آري بلف، إن…: the name given after the description, with هو/هي.
      const pronoun = wordAt(ctx, i + 1);
      if (
        (pronoun === 'هو' || pronoun === 'هي') &&
        ctx.mentionOf[i + 2]?.type === 'PER' &&
        person === undefined &&
        lastWord >= from
      ) {
        i += 2;
        continue;
      }
      break;
    }
    // زميل آخر له، هو …: "of his" inside a description that a name in apposition follows.
    if (
      ['له', 'لها', 'لهم', 'لهما'].includes(ctx.tokens[i]!.norm) &&
      (isPunct(ctx, i + 1, '،') || isPunct(ctx, i + 1, ',')) &&
      ['هو', 'هي'].includes(wordAt(ctx, i + 2))
    ) {
      lastWord = i;
      i++;
      continue;
    }
    if (!isPhraseWord(ctx, i) && !(prefixed && i === from && ctx.tokens[i]!.type === 'word')) break;
    const mention = ctx.mentionOf[i];
    // المبعوث الأممي لليمن: a place after a title, with ل, is what the title is for, not who speaks.
    const complement =
      mention !== undefined &&
      mention.type === 'LOC' &&
      lastWord >= from &&
      firstMention === undefined &&
      (hasLamPrefix(ctx.tokens[i]) ||
        (mention.start > ctx.tokens[i]!.start && ctx.tokens[i]!.norm.startsWith('ل')));
    if (mention !== undefined && complement) {
      while (i + 1 < end && ctx.mentionOf[i + 1] === mention) i++;
      lastWord = i;
      i++;
      continue;
    }
    if (mention !== undefined) {
      firstMention ??= mention;
      if (mention.type === 'PER') person = mention;
      // Consume the whole mention.
      while (i + 1 < end && ctx.mentionOf[i + 1] === mention) i++;
      lastWord = i;
      i++;
      // A person's name closes the phrase; a description (وزير الخارجية الأميركي) gives way to the name
      // right after it (جون كيري); an institution not followed by more title words closes it too.
      const nextMention = ctx.mentionOf[i];
      if (
        person !== undefined &&
        !(person.via === 'description' && nextMention?.type === 'PER' && nextMention !== person)
      )
        break;
      continue;
    }
    if (firstMention !== undefined && mentionDistance(ctx, i, end) < 0) break;
    lastWord = i;
    i++;
  }
  if (lastWord < from) return undefined;
  // أصدقاء محمد، مقربون من الرئيس: many unnamed people around someone are not that person.
  if (
    person !== undefined &&
    person.start > ctx.tokens[from]!.end &&
    isWordIn(ANONYMOUS_HEADS, ctx, from) &&
    !hasArticle(ctx.tokens[from]) &&
    /(اء|ون|ين|و)$/.test(wordAt(ctx, from))
  )
    return { from, to: lastWord + 1 };
  const head = person ?? firstMention;
  // An unnamed source is its head noun and the adjectives after it (مسؤول حكومي ياباني رفيع), not the
  // words that follow (مصدر طبي طلب عدم كشف اسمه).
  // متحدث باسم صندوق النقد الدولي: a body named in the description of an unnamed source is not the speaker.
  // (A document is its owner's: تقرير لمجلس الشيوخ الفرنسي is the Senate's.)
  const described =
    person === undefined &&
    ctx.mentionOf[from] === undefined &&
    !SOURCE_DOCUMENTS.has(wordAt(ctx, from)) &&
    wordAt(ctx, from) !== 'تقارير';
  if (
    (head === undefined || described) &&
    isWordIn(ANONYMOUS_HEADS, ctx, from) &&
    !hasArticle(ctx.tokens[from])
  ) {
    let to = from + 1;
    while (to <= lastWord) {
      if (isAdjectiveLike(ctx, to) && ctx.mentionOf[to] === undefined) to++;
      // متحدثة باسم الجيش: the institution the source speaks for belongs to the description.
      else if (wordAt(ctx, to) === 'باسم' || ctx.tokens[to]!.norm === 'باسم') {
        const body = ctx.mentionOf[to + 1];
        to += 2;
        while (body !== undefined && to <= lastWord && ctx.mentionOf[to] === body) to++;
        to = Math.min(lastWord + 1, to);
      } else break;
    }
    return { from, to };
  }
  // النقابات الأمنية المذكورة: "the aforementioned" only points back; the name is the words before it.
  let to = lastWord + 1;
  while (to > from + 1 && isWordIn(REFERRING_ADJECTIVES, ctx, to - 1) && ctx.mentionOf[to - 1] === undefined)
    to--;
  return head === undefined ? { from, to } : { from, to, mention: head };
}

// A plural of people, the sound masculine (المتخصصون، القائمون) or فعلاء (النشطاء، الخبراء): a definite one with no
// name is a group of unnamed sources, not a body.
const HUMAN_PLURAL = /^(?:\S{3,}(?:ون|ين)|\S{3}اء)$/;
// Definite descriptions of unnamed sources: المصدر، المصادر، المتحدثة، المسؤول.
const DEFINITE_SOURCES = new Set([
  'مصدر',
  'مصادر',
  'متحدث',
  'متحدثه',
  'مسءول',
  'مسءوله',
  'مسءولون',
  'ناطق',
  'ناطقه',
  'مرشد',
  'ضابط',
  'شاهد',
  'شهود',
]);

const ADJECTIVES = new Set([
  'رفيع',
  'رفيعو',
  'كبير',
  'كبار',
  'مطلع',
  'مطلعه',
  'مقرب',
  'مقربه',
  'بارز',
  'سابق',
  'اخر',
  'اخرون',
  'مسءول',
  'رسمي',
  'رسميه',
  'مجهول',
  'المستوي',
]);

function hasArticle(token: Token | undefined): boolean {
  return token?.parts?.some((p) => p.role === 'article') === true;
}

/**
 * A word after a verb that is no subject: a phrase with a clitic preposition (أوضح بجلاء أن) or a circumstantial
 * participle before its complement (فيقول مؤيدا لفكرة …، وتابعت مشككة في …).
 */
function isAdverbial(ctx: QuoteContext, i: number): boolean {
  const token = ctx.tokens[i];
  if (token === undefined || token.type !== 'word' || ctx.mentionOf[i] !== undefined) return false;
  if (token.parts?.[0]?.role === 'preposition') return true;
  if (hasArticle(token) || isWordIn(ANONYMOUS_HEADS, ctx, i)) return false;
  const next = ctx.tokens[i + 1];
  const complement =
    next !== undefined &&
    (['في', 'علي', 'من', 'عن', 'الي'].includes(next.norm) || next.parts?.[0]?.role === 'preposition');
  return complement && /^م\S{3,}[اه]$/.test(wordAt(ctx, i));
}

/** Nisba adjectives (حكومي، يابانية، أمنيون) and a few common ones (رفيع، مطلع، كبير). */
function isAdjectiveLike(ctx: QuoteContext, i: number): boolean {
  const word = wordAt(ctx, i);
  return ADJECTIVES.has(word) || /(ي|يه|يون|يين|يان|يتان)$/.test(word);
}

/** Distance to the next person mention within the window, or -1 when none: titles continue toward a name. */
function mentionDistance(ctx: QuoteContext, i: number, end: number): number {
  for (let k = i; k < end; k++) {
    const skipped = skipQuotedName(ctx, k);
    if (skipped > 0) {
      k = skipped - 1;
      continue;
    }
    if (!isPhraseWord(ctx, k)) return -1;
    if (ctx.mentionOf[k]?.type === 'PER') return k - i;
  }
  return -1;
}

/**
 * The source after وفقاً لـ / طبقاً لـ, its preposition a clitic on the first word (وفقاً لعبد الله الموسى، وفقاً لتقرير):
 * the phrase as `readSpeakerPhrase` reads it, the first word taken with its clitic.
 */
export function readSourcePhrase(ctx: QuoteContext, from: number, limit: number): SpeakerPhrase | undefined {
  const first = ctx.tokens[from];
  const prefixed = first?.type === 'word' && first.parts?.[0]?.role === 'preposition';
  return readSpeakerPhrase(ctx, from, limit, prefixed);
}

/** Skips date words and commas between a cue and what follows (الجمعة، أمس). */
export function skipDates(ctx: QuoteContext, i: number): number {
  let k = i;
  // والسبت: the tokenizer may keep a frequent و + date whole.
  const joinedDate = (j: number) => {
    const norm = ctx.tokens[j]!.norm;
    return norm.startsWith('و') && DATE_WORDS.has(norm.slice(1));
  };
  while (k < ctx.tokens.length && (isWordIn(DATE_WORDS, ctx, k) || isPunct(ctx, k, '،') || joinedDate(k)))
    k++;
  return k;
}

// Words that never end a name: a name the entity layer cut after one (صالح بن محمد آل | مريح) goes on.
const NAME_PARTICLES: ReadonlySet<string> = new Set(['ال', 'بن', 'ابن', 'بنت', 'ابو', 'ابي', 'عبد', 'ام']);

/** The end offset of a mention, past the word after it when the mention ends with a name particle (آل، بن، أبو). */
export function nameEnd(ctx: QuoteContext, mention: Mention, next: number): number {
  const words = normalizeName(mention.text).split(' ');
  const after = ctx.tokens[next];
  return NAME_PARTICLES.has(words[words.length - 1] ?? '') &&
    after?.type === 'word' &&
    after.start === mention.end + 1
    ? after.end
    : mention.end;
}

function normalizeName(text: string): string {
  return text
    .replace(/[\u064B-\u0652\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .trim();
}

/** A speaker record from a phrase. Unnamed sources are kept as such. */
export function speakerFromPhrase(
  ctx: QuoteContext,
  phrase: SpeakerPhrase,
  via: QuoteSpeaker['via'],
): QuoteSpeaker {
  const tokens = ctx.tokens;
  if (phrase.mention !== undefined) {
    const m = phrase.mention;
    let next = phrase.from;
    while (next < tokens.length && tokens[next]!.start < m.end) next++;
    const end = nameEnd(ctx, m, next);
    // وقال بادي read as ب + ادي: a name whose first letter the entity layer took for a clitic is the whole word when
    // the document names that person in full elsewhere (راجح بادي).
    const host = tokens[phrase.from]!;
    if (host.start < m.start && host.end >= m.end) {
      const whole = ctx.text.slice(host.start, m.end);
      const full = ctx.mentions.find(
        (o) => o !== m && o.type === 'PER' && (o.text === whole || o.text.endsWith(` ${whole}`)),
      );
      if (full !== undefined)
        return { start: host.start, end: m.end, text: whole, entityId: full.entityId, anonymous: false, via };
    }
    // لعبد الله الموسى read as الله الموسى: عبد before a mention begins the name.
    let first = phrase.from;
    while (first < next && tokens[first]!.end <= m.start) first++;
    const before = tokens[first - 1];
    const abd =
      before?.end === m.start - 1 && wordAt(ctx, first - 1) === 'عبد'
        ? (before.parts?.at(-1)?.start ?? before.start)
        : undefined;
    if (abd !== undefined) {
      const start = abd;
      return { start, end, text: ctx.text.slice(start, end), entityId: m.entityId, anonymous: false, via };
    }
    // سكان محليون taken for a name: a mention headed by an unnamed-source noun is still a description.
    const described =
      m.start === tokens[phrase.from]!.start &&
      isWordIn(ANONYMOUS_HEADS, ctx, phrase.from) &&
      !hasArticle(tokens[phrase.from]);
    return {
      start: m.start,
      end,
      text: ctx.text.slice(m.start, end),
      entityId: m.entityId,
      anonymous: described,
      via,
    };
  }
  // A name given in quotation marks is the name without them.
  let from = phrase.from;
  let to = phrase.to;
  // A closing mark goes only with its opening one (صحيفة «نيويورك تايمز» keeps both).
  const quotedWhole = tokens[from]!.type === 'punct';
  while (from < to - 1 && tokens[from]!.type === 'punct') from++;
  while (quotedWhole && to > from + 1 && tokens[to - 1]!.type === 'punct') to--;
  // لعبد الله الموسى: the name without the clitic preposition it was read with.
  const clitic = tokens[from]!.parts?.[0]?.role === 'preposition' ? tokens[from]!.parts![1] : undefined;
  const start = clitic?.start ?? tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  const head = wordAt(ctx, from);
  // No name in the phrase: an unnamed source (مسؤول حكومي، المتحدثة، تقارير إخبارية), unless it is a
  // document (البيان) or an indefinite institution word the caller resolves.
  const anonymous =
    !SOURCE_DOCUMENTS.has(head) &&
    (ANONYMOUS_HEADS.has(head) ||
      !hasArticle(tokens[from]) ||
      DEFINITE_SOURCES.has(head) ||
      UNNAMED_SUBJECTS.has(head) ||
      UNNAMED_SUBJECTS.has(tokens[from]!.norm) ||
      HUMAN_PLURAL.test(head));
  return { start, end, text: ctx.text.slice(start, end), anonymous, via };
}

/**
 * The subject before a cue (SVO order): a mention ending right before the cue token, or before a relative
 * pronoun right before it (ماركس، الذي قال… / الوزيرة التي أكدت…: the antecedent speaks).
 */
export function subjectBefore(ctx: QuoteContext, cue: number): SpeakerPhrase | undefined {
  let last = cue - 1;
  // بعثة الاتحاد «نفت بشدة»: the verb itself quoted.
  if (isPunct(ctx, last, '«') || isPunct(ctx, last, '"')) last--;
  // العم “عبدالله الحكيم” يشير: a name in marks right before its verb.
  // (Not before a verb joined by و: خيار “الزعفران والهيل” ويرى.)
  else if (
    ['»', '”', '"'].some((mark) => isPunct(ctx, last, mark)) &&
    ctx.mentionOf[last - 1] !== undefined &&
    ctx.tokens[cue]!.parts?.[0]?.role !== 'conjunction'
  )
    last--;
  if (isWordIn(RELATIVES, ctx, last)) {
    last--;
    if (isPunct(ctx, last, '،') || isPunct(ctx, last, ',')) last--;
  }
  const mention = ctx.mentionOf[last];
  if (ctx.sentenceOf[last] !== ctx.sentenceOf[cue]) return undefined;
  // لكن البعض قال / المصادر أكدت: an unnamed subject before its verb.
  if (mention === undefined) {
    if (last >= 0 && (isWordIn(UNNAMED_SUBJECTS, ctx, last) || isWordIn(ANONYMOUS_HEADS, ctx, last)))
      return { from: last, to: last + 1 };
    return definiteSubjectBefore(ctx, cue, last);
  }
  let from = last;
  while (from > 0 && ctx.mentionOf[from - 1] === mention) from--;
  // بعثة الاتحاد الإفريقي في الصومال نفت: a name after a preposition is the subject's complement, not the subject.
  const head = ctx.mentionOf[from - 2];
  if (head !== undefined && isWordIn(SUBJECT_PREPOSITIONS, ctx, from - 1)) {
    let headFrom = from - 2;
    while (headFrom > 0 && ctx.mentionOf[headFrom - 1] === head) headFrom--;
    return { from: headFrom, to: last + 1, mention: head };
  }
  return { from, to: last + 1, mention };
}

const SUBJECT_PREPOSITIONS: ReadonlySet<string> = new Set(['في', 'من', 'لدي']);

// Words after which a noun phrase before a verb is that verb's subject (لكن صندوق النقد قال، فهناك شريحة ترى).
const SUBJECT_OPENERS: ReadonlySet<string> = new Set([
  'لكن',
  'ولكن',
  'بينما',
  'فيما',
  'هناك',
  'فهناك',
  'وهناك',
]);

/**
 * A noun phrase with no name right before a verb joined to nothing, opened by لكن/بينما/هناك (لكن صندوق النقد قال إن،
 * فهناك شريحة ترى بأن): the verb's subject. At most four words, ending on the word before the verb.
 */
function definiteSubjectBefore(ctx: QuoteContext, cue: number, last: number): SpeakerPhrase | undefined {
  if (ctx.tokens[cue]!.parts?.[0]?.role === 'conjunction') return undefined;
  for (let from = last; from >= Math.max(0, last - 3); from--) {
    const token = ctx.tokens[from]!;
    if (token.type !== 'word' || ctx.sentenceOf[from] !== ctx.sentenceOf[cue]) return undefined;
    if (SUBJECT_OPENERS.has(ctx.tokens[from - 1]?.norm ?? '') || SUBJECT_OPENERS.has(wordAt(ctx, from - 1))) {
      const phrase = readSpeakerPhrase(ctx, from, cue);
      return phrase?.to === cue ? phrase : undefined;
    }
    if (isWordIn(PHRASE_STOPS, ctx, from) || cueOf(token) !== undefined) return undefined;
  }
  return undefined;
}
