import type { HeadlineCandidate, Sentence, Token } from '../../core/annotations.ts';
import { tokenize as defaultTokenize } from '../../text/tokenize.ts';
import {
  type BodyProfile,
  matchTerm,
  measure,
  profileForCheck,
  profileTitle,
  type TitleProfile,
} from './features.ts';
import { defaultIdf, type IdfTable } from './idf.ts';
import { DEFAULT_MODEL, type IntegrityModel, scoreFeatures } from './model.ts';
import { leadMainClause } from './suggest.ts';
import type { HeadlineCheck, IntegrityFeatures } from './types.ts';
import { defaultVectors, type TermVectors } from './vectors.ts';

/** What a headline check reads: the clean text and its layers, and the title the source gave. */
export interface HeadlineInput {
  readonly text: string;
  readonly title: string | undefined;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly headlines: readonly HeadlineCandidate[];
}

export interface HeadlineCheckerOptions {
  readonly idf?: IdfTable;
  readonly model?: IntegrityModel;
  readonly vectors?: TermVectors;
  readonly tokenize?: (text: string) => Token[];
}

const NO_FEATURES: IntegrityFeatures = {
  leadRecall: 0,
  bodyRecall: 0,
  bigramRecall: 0,
  rareRecall: 0,
  topTermHit: 0,
  leadCosine: 0,
  leadMass: 0,
  bodyMass: 0,
  repetition: 0,
  earliness: 0,
  titleMass: 0,
  leadSimilarity: 0,
  bodySimilarity: 0,
  leadAlignment: 0,
  termBodySimilarity: 0,
  vectorCoverage: 0,
};

/**
 * Creates a headline checker with its IDF table and model resolved once.
 * `createHeadlineChecker()(input).verdict` → `'related'` or `'unrelated'`.
 */
export function createHeadlineChecker(
  options: HeadlineCheckerOptions = {},
): (input: HeadlineInput) => HeadlineCheck {
  const idf = options.idf ?? defaultIdf();
  const model = options.model ?? DEFAULT_MODEL;
  const vectors = options.vectors ?? defaultVectors();
  const tokenize = options.tokenize ?? defaultTokenize;

  return function checkHeadline(input: HeadlineInput): HeadlineCheck {
    const title = profileTitle(tokenize(input.title ?? ''));
    const body = profileForCheck(input.tokens, input.sentences, input.headlines.length > 0);
    const note =
      input.title === undefined || input.title.trim() === ''
        ? 'no given title'
        : input.tokens.length === 0
          ? 'empty body'
          : title.terms.length === 0
            ? 'the title has no content words'
            : undefined;
    const features = note === undefined ? measure(title, body, idf, vectors) : NO_FEATURES;
    const score = note === undefined ? scoreFeatures(features, model) : 0;
    const related = score >= model.threshold;
    const check: HeadlineCheck = {
      kind: 'headline-check',
      score: round(score),
      verdict: related ? 'related' : 'unrelated',
      method: {
        name: 'idf-overlap-logistic',
        threshold: model.threshold,
        features: roundAll(features),
        ...explainTerms(title, body),
        ...(note !== undefined ? { note } : {}),
      },
    };
    if (related) return check;
    // 3. The title does not fit: point at the headline the body itself offers, or make one from the lead.
    const bodyHeadline = input.headlines[0];
    if (bodyHeadline !== undefined) return { ...check, bodyHeadline };
    const suggested = leadMainClause(input.text, input.tokens, input.sentences);
    return suggested !== undefined ? { ...check, suggestedHeadline: suggested } : check;
  };
}

let shared: ((input: HeadlineInput) => HeadlineCheck) | undefined;

/**
 * Judges whether the given title belongs to the body, with the default IDF table and learned model.
 * `checkHeadline({text, title, tokens, sentences, headlines})` → `{score, verdict, method, bodyHeadline?, suggestedHeadline?}`.
 */
export function checkHeadline(input: HeadlineInput): HeadlineCheck {
  shared ??= createHeadlineChecker();
  return shared(input);
}

function explainTerms(
  title: TitleProfile,
  body: BodyProfile,
): { matchedTerms: string[]; missingTerms: string[] } {
  const matchedTerms: string[] = [];
  const missingTerms: string[] = [];
  for (const term of title.terms) (matchTerm(term, body.body) > 0 ? matchedTerms : missingTerms).push(term);
  return { matchedTerms, missingTerms };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function roundAll(features: IntegrityFeatures): IntegrityFeatures {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(features)) out[name] = round(value);
  return out as unknown as IntegrityFeatures;
}
