import { cueOf, isComplementizer } from './cues.ts';
import { isPunct, type QuoteContext, RELATIVES, wordAt } from './context.ts';

// Connectives that may stand between a comma and the cue of a new report.
const CONNECTIVES: ReadonlySet<string> = new Set([
  'ولكن',
  'لكن',
  'ولكنه',
  'لكنه',
  'ولكنها',
  'لكنها',
  'ثم',
  'كما',
]);
// After a comma, these start a new clause that is no longer the reported content.
// ، وهي مدينة سيطرت عليها…: the writer's gloss on a word of the report.
const CLAUSE_BREAKERS = new Set([
  'وهي',
  'وهو',
  'هي',
  'هو',
  'في حين',
  'بينما',
  'وذلك',
  'حسب',
  'بحسب',
  'وفق',
  'وفقا',
  'طبقا',
  'نقلا',
]);

/**
 * Where a reported clause starting at token `from` ends (exclusive token index): at the end of its sentence
 * (a semicolon does not end it), or at a comma that opens a new clause (، في حين / ، بينما / ، مشيرا إلى / ، وأضاف).
 * A verbal-noun object (أكد عدم توقيع…) also ends before a relative clause after a comma (، الذي).
 */
export function clauseEnd(ctx: QuoteContext, from: number, nominal: boolean): number {
  const sentenceEnd = ctx.sentences[ctx.sentenceOf[from]!]!.tokenEnd;
  let end = sentenceEnd;
  for (let i = from + 1; i < sentenceEnd; i++) {
    // A comma inside quotation marks that the clause opened outside of belongs to the quoted words.
    if (ctx.quoted[i] === 1 && ctx.quoted[from] !== 1) continue;
    // … على حد قوله: the attribution closing the report is not part of it.
    if (
      wordAt(ctx, i) === 'علي' &&
      wordAt(ctx, i + 1) === 'حد' &&
      /^(قول|تعبير|وصف)/.test(wordAt(ctx, i + 2))
    ) {
      end = i;
      break;
    }
    // قال إن … وأكد أن …: a reporting verb joined by و with its own content is a report of its own.
    const joined = ctx.tokens[i]!;
    if (
      joined.type === 'word' &&
      joined.parts?.[0]?.role === 'conjunction' &&
      cueOf(joined)?.kind === 'verb' &&
      opensContent(ctx, i + 1, sentenceEnd)
    ) {
      end = i;
      break;
    }
    // A semicolon ends no clause by itself, but a new report may start after it (…؛ منوهين بأن).
    // (So may a stop the sentence splitter left inside: هذا الأسبوع.. مؤكدًا أن.)
    const semicolon = isPunct(ctx, i, '؛') || isPunct(ctx, i, ';') || ELLIPSES.has(ctx.tokens[i]!.text);
    if (isPunct(ctx, i, '،') || isPunct(ctx, i, ',') || semicolon) {
      const next = wordAt(ctx, i + 1);
      const pair = `${next} ${wordAt(ctx, i + 2)}`;
      // ، ولكنه أضاف أن / ، ثم أعلن: a connective before the next cue; ، من جهتها أكدت / ، إلى ذلك أشار: an
      // adverbial opening the next report.
      let after = i + 1;
      while (after < i + 4 && DISCOURSE_OPENERS.has(wordAt(ctx, after))) after++;
      const opener = after > i + 1 && cueOf(ctx.tokens[after] ?? ctx.tokens[i]!)?.kind === 'verb';
      const connective = CONNECTIVES.has(ctx.tokens[i + 1]?.norm ?? '') || opener;
      const token = ctx.tokens[opener ? after : connective ? i + 2 : i + 1];
      const cue = token === undefined ? undefined : cueOf(token);
      const startsNewReport =
        cue !== undefined &&
        (cue.kind === 'participle' ||
          cue.kind === 'according' ||
          (cue.kind === 'verb' &&
            (token!.parts?.[0]?.role === 'conjunction' ||
              opensContent(ctx, opener ? after + 1 : connective ? i + 3 : i + 2, sentenceEnd) ||
              (connective && cue.nominal))));
      if (
        startsNewReport ||
        (!semicolon &&
          (CLAUSE_BREAKERS.has(next) ||
            CLAUSE_BREAKERS.has(pair) ||
            // ، فيما نادى آخرون: "while" opens the writer's next clause (not فيما يتعلق، فيما يخص: "as for").
            (next === 'فيما' && !/^(يتعلق|يخص|بعد|يبدو)$/.test(wordAt(ctx, i + 2))) ||
            (nominal && RELATIVES.has(next))))
      ) {
        end = i;
        break;
      }
    }
  }
  // Drop trailing punctuation (the final stop, a comma) but keep a closing quotation mark.
  while (
    end > from + 1 &&
    ctx.tokens[end - 1]!.type === 'punct' &&
    !['»', '”', '"', ')'].includes(ctx.tokens[end - 1]!.text)
  )
    end--;
  return end;
}

// Stops the sentence splitter leaves inside a sentence.
const ELLIPSES: ReadonlySet<string> = new Set(['..', '...', '…']);
// Adverbials that open a new report after a comma: من جهته، من جانبها، إلى ذلك، في المقابل، بدوره، على صعيد متصل.
const DISCOURSE_OPENERS: ReadonlySet<string> = new Set([
  'من',
  'جهته',
  'جهتها',
  'جهتهم',
  'جانبه',
  'جانبها',
  'جانبهم',
  'الي',
  'ذلك',
  'في',
  'المقابل',
  'بدوره',
  'بدورها',
  'علي',
  'صعيد',
  'متصل',
]);

// How soon after a second cue its own content must open for the cue to start a new report (تقول X إنه …، تنفي Y أن …).
const NEXT_REPORT_WINDOW = 8;

/** True when a content clause, a colon or a quotation mark opens within a few tokens of `from`. */
export function opensContent(ctx: QuoteContext, from: number, end: number): boolean {
  for (let k = from; k < Math.min(end, from + NEXT_REPORT_WINDOW); k++) {
    const token = ctx.tokens[k]!;
    if (isComplementizer(token, ctx.tokens[k - 1]) || isPunct(ctx, k, ':') || ['«', '“'].includes(token.text))
      return true;
    if (isPunct(ctx, k, '،') || isPunct(ctx, k, '.')) return false;
  }
  return false;
}
