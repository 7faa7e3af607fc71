import type { Removal } from './article.ts';
import type { HeadlineCheck } from './headline-check.ts';
import type { Span } from './span.ts';

/**
 * Annotation records: plain, immutable, serializable, each with a `kind` and offsets into the clean text.
 * Every record that covers text also carries that `text`, so `cleanText.slice(start, end) === text`.
 */

export type TokenType = 'word' | 'number' | 'punct' | 'latin' | 'url' | 'email' | 'hashtag' | 'mention' | 'symbol';

/** The role of a piece of a clitic-split word. */
export type TokenPartRole = 'conjunction' | 'preposition' | 'article' | 'base';

/** A sub-token of a word split at its proclitics: `لكيم` → `ل` (preposition) + `كيم` (base). */
export interface TokenPart extends Span {
  readonly text: string;
  readonly role: TokenPartRole;
}

export interface Token extends Span {
  readonly kind: 'token';
  readonly text: string;
  readonly type: TokenType;
  /** Normalized form for matching (see text/normalize). */
  readonly norm: string;
  /** Present when the word was split at proclitics; the parts tile the token exactly. */
  readonly parts?: readonly TokenPart[];
}

export interface Sentence extends Span {
  readonly kind: 'sentence';
  readonly text: string;
  /** Index of the first token and one past the last token of the sentence. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** True for a line that stands alone without final punctuation (a headline, a dateline, a caption). */
  readonly headlineLike: boolean;
}

/** A line of the body that reads as the article's own headline. */
export interface HeadlineCandidate extends Span {
  readonly kind: 'headline';
  readonly text: string;
  readonly origin: 'body-first-line';
  /** Share of the line's content words echoed in the rest of the body (0–1). */
  readonly echo: number;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** One occurrence of an entity in the text. */
export interface Mention extends Span {
  readonly kind: 'mention';
  readonly text: string;
  readonly type: EntityType;
  /** The `Entity.id` this mention refers to. */
  readonly entityId: string;
  /** How the mention was found: the statistical model, the actor registry, coreference, a description. */
  readonly via: 'model' | 'registry' | 'coreference' | 'description';
}

/** An entity of the article, canonical when the actor registry knows it. */
export interface Entity {
  readonly kind: 'entity';
  /** Registry id (`actor:…`) when linked, else a per-article id (`doc:e1`). */
  readonly id: string;
  readonly name: string;
  /**
   * For a registry actor whose canonical name is not Arabic (hand-written entries are named in English): its
   * Arabic name as news writes it, what an Arabic reader calls it (`كيم جونغ أون` for `Kim Jong Un`).
   */
  readonly arabicName?: string;
  readonly type: EntityType;
  /** ISO 3166 alpha-3 country code. */
  readonly country?: string;
  readonly role?: string;
  readonly wikidata?: string;
  /** Titles and roles given in apposition in this article. */
  readonly titles?: readonly string[];
}

/** A stretch of the clean text with its words: a cue, a speaker, an audience… */
export interface TextSpan extends Span {
  readonly text: string;
}

export type QuoteForm = 'direct' | 'indirect' | 'mixed';

/** Who a quote is attributed to. */
export interface QuoteSpeaker extends TextSpan {
  /** The entity the speaker mention refers to, when linked. */
  readonly entityId?: string;
  /** True for unnamed sources ("مسؤول حكومي ياباني رفيع"), kept as such. */
  readonly anonymous: boolean;
  /** How the speaker was found: the cue's subject, a name after the quote, the previous attribution… */
  readonly via: 'subject' | 'after-quote' | 'previous' | 'pronoun' | 'source';
}

/** A reported statement: its content span (`start`/`end`), how it is reported, by whom and through whom. */
export interface Quote extends Span {
  readonly kind: 'quote';
  readonly text: string;
  readonly form: QuoteForm;
  /** The reporting words (قال، أكد، نقلت عنه قوله، جاء في بيان); absent for a continued quote. */
  readonly cue?: TextSpan;
  readonly speaker?: QuoteSpeaker;
  /** To whom (للصحافيين). */
  readonly audience?: TextSpan;
  /** Where (على تلغرام، في بيان، في مقابلة). */
  readonly channel?: TextSpan;
  /** Through whom (كما نقلت عنه وكالة الصحافة الفرنسية). */
  readonly relay?: TextSpan & { readonly entityId?: string };
  /** A date expression attached to the statement (الجمعة). */
  readonly date?: TextSpan;
  /** The parts inside quotation marks, for mixed quotes. */
  readonly quotedParts?: readonly TextSpan[];
  /** 0–1. */
  readonly confidence: number;
}

/** How fine a resolved date is. */
export type TimeGranularity = 'year' | 'month' | 'week' | 'day' | 'time';

/**
 * A date or time expression (الجمعة، أمس، يوليو (تموز) 2000، 15 أيلول/سبتمبر، 3 رمضان 1444) normalized against
 * the publication date when the article has one.
 */
export interface TimeExpression extends Span {
  readonly kind: 'time';
  readonly text: string;
  /** What the words are: a weekday, a relative expression, a full or partial calendar date, a year, a clock time. */
  readonly form: 'weekday' | 'relative' | 'date' | 'hijri' | 'year' | 'clock';
  /** ISO 8601 value (`2023-09-15`, `2000-07`, `2023-W37`, `2023`, `2023-09-15T14:00`) when it could be resolved. */
  readonly value?: string;
  readonly granularity: TimeGranularity;
  /**
   * How the value was reached: written out in full (`absolute`), or `anchored` to the publication date; when
   * the article has no date, `unanchored` with `relative` saying what it means (`weekday:-FRI`, `day:-1`, `week:-1`).
   */
  readonly resolution: 'absolute' | 'anchored' | 'unanchored';
  readonly relative?: string;
  /** The Hijri date as written or resolved (`1444-09-03`, `1445`), for Hijri expressions. */
  readonly hijri?: string;
}

/** The PLOVER event types rasd codes (https://github.com/openeventdata/PLOVER). */
export type EventType =
  | 'AGREE'
  | 'CONSULT'
  | 'SUPPORT'
  | 'CONCEDE'
  | 'COOPERATE'
  | 'AID'
  | 'RETREAT'
  | 'REQUEST'
  | 'ACCUSE'
  | 'REJECT'
  | 'THREATEN'
  | 'PROTEST'
  | 'SANCTION'
  | 'MOBILIZE'
  | 'COERCE'
  | 'ASSAULT';

/** An actor of an event as written, with what linking knows of it. */
export interface EventActor extends TextSpan {
  readonly entityId?: string;
  /** Canonical name when linked. */
  readonly name?: string;
  /** The linked actor's Arabic name when its canonical name is not Arabic (see Entity.arabicName). */
  readonly arabicName?: string;
  /** ISO 3166 alpha-3 country code (موسكو → RUS). */
  readonly country?: string;
  /**
   * PETRARCH agent code of a participant named by its role, not its name (قوات الأمن → COP, مسلحون → REB,
   * مدنيون → CVL), with `country` when the sentence or the article gives one (الشرطة الباكستانية → PAK COP).
   */
  readonly agent?: string;
}

/** Who did what to whom, when and where: one coded event, pointing back to its words. */
export interface Event extends Span {
  readonly kind: 'event';
  /** The clause the event was coded from. */
  readonly text: string;
  readonly type: EventType;
  /** PLOVER mode (visit, meet, deny, warn, sanctions, accept-invitation…), when the trigger says one. */
  readonly mode?: string;
  /** The CAMEO root code the type and mode map to, for joining with GDELT. */
  readonly cameo?: string;
  /** The words that made the event (زار، أجرى محادثات، فرض عقوبات). */
  readonly trigger: TextSpan;
  /** Several targets are several events. */
  readonly source?: EventActor;
  readonly target?: EventActor;
  readonly location?: EventActor;
  /** The date expression of the event's clause, with its resolved value. */
  readonly time?: TextSpan & { readonly value?: string };
  /** True when the text says it did not happen (لم يتم توقيع). */
  readonly negated: boolean;
  /** `asserted` unless the text only intends, considers, conditions or denies it. */
  readonly modality: 'asserted' | 'intent' | 'considering' | 'conditional' | 'denied';
  /** Index in the `quotes` layer of the quote the event is reported in. */
  readonly quoteIndex?: number;
  /** For a denial (REJECT/deny): the act the statement says did not happen (AGREE for «عدم توقيع أي اتفاق»). */
  readonly denies?: { readonly type: EventType; readonly mode?: string };
  /** 0–1. */
  readonly confidence: number;
}

/** Every annotation layer of an analyzed document. Later stages add their layers as optional fields. */
export interface Annotations {
  readonly boilerplate: readonly Removal[];
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly headlines: readonly HeadlineCandidate[];
  readonly entities?: readonly Entity[];
  readonly mentions?: readonly Mention[];
  readonly quotes?: readonly Quote[];
  /** Whether the given title belongs to the body. */
  readonly headlineCheck?: HeadlineCheck;
  readonly times?: readonly TimeExpression[];
  readonly events?: readonly Event[];
}

export type LayerName = keyof Annotations;
