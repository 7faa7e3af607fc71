/**
 * What a lemma is declared as, and what a word's analysis says. Plain, serializable records.
 * All strings compared are *normalized* Arabic (normalizeArabic): no diacritics, أ إ آ → ا, ؤ ئ → ء,
 * ة → ه, ى → ي. Lemma specs are given as written (with hamza seats, ة and ى), because the spelling tells
 * the verb class: سأل is sound, سال would be hollow.
 */
export type LemmaSpec =
  | {
      readonly kind: 'verb';
      readonly id: string;
      /** 3rd person masculine singular perfect as written: 'قتل', 'أصاب', 'دعا', 'رمى', 'شن'. */
      readonly past: string;
      /** 3rd person masculine singular imperfect as written: 'يقتل', 'يصيب', 'يدعو', 'يرمي', 'يشن'. */
      readonly present: string;
      /**
       * No passive readings (عاد، وصل، وقع): their passive spellings are mostly other words
       * (عيد، توقع، توصل), so generating them would only add false matches.
       */
      readonly intransitive?: boolean;
    }
  | {
      readonly kind: 'noun';
      readonly id: string;
      /** Singular indefinite form as written: 'هجوم', 'زيارة', 'متظاهر', 'مدني'. */
      readonly form: string;
      /** Broken or otherwise unpredictable plurals, as written: ['هجمات'], ['قتلى']. */
      readonly plurals?: readonly string[];
      /**
       * Takes the feminine ة and the sound masculine plural ون/ين (participles and nisba adjectives:
       * متظاهرة، مسلحون، مدنيين). Defaults to true for forms starting with م, of the pattern فاعل, or
       * ending in ي; false otherwise (هجوم، اغتيال).
       */
      readonly participle?: boolean;
    };

export type Aspect = 'perfect' | 'imperfect' | 'imperative';
export type GrammaticalNumber = 'singular' | 'dual' | 'plural';

/** One reading of a word as an inflection of an indexed lemma. */
export interface MorphAnalysis {
  /** The LemmaSpec id. */
  readonly lemma: string;
  readonly pos: 'verb' | 'noun';
  /** Verbs only. */
  readonly aspect?: Aspect;
  /** Verbs only; true only when the spelling shows it (أصيب، قيل، يصاب، بيع). Unvocalized قتل is active. */
  readonly passive?: boolean;
  /** An imperfect with the future prefix س (سيزور، وستفرض). */
  readonly future: boolean;
  /** Carries the article ال (also inside لل، بال، وال). */
  readonly definite: boolean;
  /** The stripped proclitic letters, normalized: '', 'و', 'فب', 'وال', 'لل', 'وس'. */
  readonly proclitics: string;
  /** Object or possessive pronoun suffix: ه ها هما هم هن ك كما كم كن نا ني ي. */
  readonly enclitic?: string;
  /** Number of a noun, or of a verb's subject. */
  readonly number?: GrammaticalNumber;
  /** Sound plural or dual in construct state (مسلحو، مسلحي، طرفا). */
  readonly construct?: boolean;
}

export interface MorphIndex {
  /**
   * Every reading of a normalized word (no spaces) as an inflection of an indexed lemma; [] when none.
   * `index.analyze('وقتلوه')` → `[{lemma: 'قتل', pos: 'verb', aspect: 'perfect', proclitics: 'و', enclitic: 'ه', …}]`.
   */
  analyze(word: string): readonly MorphAnalysis[];
  /**
   * False when the first `length` letters of the word (all by default) cannot be read as any indexed lemma: told on
   * character codes, without a lookup. True does not promise a reading.
   */
  mayName(word: string, length?: number): boolean;
  /**
   * `mayName` for the stems of the given lemma ids only: false when no split of the word can be an inflection of
   * one of them. Built once per call; keep the function.
   */
  nameFilter(lemmas: ReadonlySet<string>): (word: string, length?: number) => boolean;
}
