import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
// Types only: the analyzers and evaluators load inside each command's action (a dynamic import), so that
// `rasd --help` and the other commands do not load their models.
import type { EntityGold, EntityReport } from '../analyze/entities/index.ts';
import type { CodedEvent, PetrarchReport, PetrarchSentence } from '../analyze/events/evaluate-petrarch.ts';
import type { EventGold } from '../analyze/events/index.ts';
import type { analyzeArticle } from '../analyze/index.ts';
import type { QuoteGold, QuoteReport } from '../analyze/quotes/index.ts';
import { makeRawArticle } from '../core/article.ts';
import { RasdError } from '../core/errors.ts';
import { parsePlainText } from '../ingest/plain-text.ts';
import { registerEvalIntegrity } from './eval-integrity.ts';
import { readTextInput } from './read-input.ts';

export interface GoldFile extends Omit<QuoteGold, 'entities'>, Partial<EventGold>, Partial<EntityGold> {
  /** The article text inside the file (quotes-dev format)… */
  readonly text?: string;
  /** …or the path of the article, relative to the gold file (seed format). */
  readonly document?: string | { title?: string; date?: string; time?: string; date_extracted?: string };
}

/** `rasd eval quotes GOLD.json…`: precision, recall, speaker and kind accuracy against gold files. */
export function registerEval(program: Command): void {
  const evalCommand = program.command('eval').description('measure the analyzer against gold annotations');
  registerEvalIntegrity(evalCommand);
  evalCommand
    .command('ner')
    .description('entity-level precision/recall/F1 per type on a CoNLL file (`token TAG` lines, BIO tags)')
    .argument('<file>', 'CoNLL file, e.g. ANERcorp test split')
    .option(
      '--document-window <n>',
      'read the file as running text, as an article is read (sentences in document order; any n > 0): the shipped two-stage model reads the names found around each sentence',
    )
    .action(async (file: string, options: { documentWindow?: string }) => {
      const { evaluateNer, formatNerReport } = await import('../analyze/entities/ner/index.ts');
      const text = await readTextInput(file);
      const window = options.documentWindow === undefined ? undefined : Number(options.documentWindow);
      const report = window === undefined ? evaluateNer(text) : evaluateNer(text, { documentWindow: window });
      process.stdout.write(`${formatNerReport(report)}\n`);
    });
  evalCommand
    .command('quotes')
    .description('score quotations against gold files in the seed format (text inside, or "document": path)')
    .argument('<gold...>', 'gold JSON files')
    .option('-v, --verbose', 'list every miss')
    .action(async (files: string[], options: { verbose?: boolean }) => {
      const { formatQuoteReport, sumQuoteReports } = await import('../analyze/quotes/index.ts');
      const reports: QuoteReport[] = [];
      for (const file of files) {
        const report = await evaluateFile(file);
        reports.push(report);
        process.stdout.write(`${formatQuoteReport(report, file)}\n`);
        if (options.verbose) for (const miss of report.misses) process.stdout.write(`    - ${miss}\n`);
      }
      if (reports.length > 1)
        process.stdout.write(`${formatQuoteReport(sumQuoteReports(reports), 'all files')}\n`);
    });
  evalCommand
    .command('entities')
    .description(
      'score entities against gold files in the seed format: gold surfaces found as mentions, with the right type, linked to one entity per gold entity',
    )
    .argument('<gold...>', 'gold JSON files with an "entities" list')
    .option('-v, --verbose', 'list every miss')
    .action(async (files: string[], options: { verbose?: boolean }) => {
      const { analyzeArticle } = await import('../analyze/index.ts');
      const { evaluateEntities, formatEntityReport, sumEntityReports } = await import(
        '../analyze/entities/index.ts'
      );
      const reports: EntityReport[] = [];
      for (const file of files) {
        const gold = await readGold(file);
        if (!Array.isArray(gold.entities))
          throw new RasdError('E_BAD_DOCUMENT', 'gold file has no "entities" list', { input: file });
        const report = evaluateEntities(analyzeArticle(await goldArticle(file, gold)), {
          entities: gold.entities,
        });
        reports.push(report);
        process.stdout.write(`${formatEntityReport(report, file)}\n`);
        if (options.verbose) for (const miss of report.misses) process.stdout.write(`    - ${miss}\n`);
      }
      if (reports.length > 1)
        process.stdout.write(`${formatEntityReport(sumEntityReports(reports), 'all files')}\n`);
    });
  evalCommand
    .command('events')
    .description(
      'score coded events against gold files in the seed format (precision/recall per PLOVER type)',
    )
    .argument('<gold...>', 'gold JSON files with an "events" list')
    .option('--published <date>', 'publication date (ISO 8601) of the articles, for their dates')
    .option('-v, --verbose', 'list every miss')
    .action(async (files: string[], options: { published?: string; verbose?: boolean }) => {
      const { analyzeArticle } = await import('../analyze/index.ts');
      const { evaluateEvents, formatEventReport } = await import('../analyze/events/index.ts');
      for (const file of files) {
        const gold = await readGold(file);
        if (!Array.isArray(gold.events))
          throw new RasdError('E_BAD_DOCUMENT', 'gold file has no "events" list', { input: file });
        const raw = await goldArticle(file, gold);
        const doc = analyzeArticle(
          options.published === undefined ? raw : { ...raw, publishedAt: options.published },
        );
        const report = evaluateEvents(doc, { events: gold.events });
        process.stdout.write(`${formatEventReport(report, file)}\n`);
        if (options.verbose) for (const miss of report.misses) process.stdout.write(`    - ${miss}\n`);
      }
    });
  evalCommand
    .command('petrarch')
    .description(
      'score coded events on UniversalPetrarch validation files: the gold PLOVER type found per sentence, precision of coded types, source/target country and agent agreement',
    )
    .argument(
      '<gold...>',
      'validation XML files (<Sentence> with <EventCoding plover=… sourcecode=… targetcode=…>)',
    )
    .option('-v, --verbose', 'list missed sentences and those coded with a wrong type')
    .option('--json', 'print the reports as JSON')
    .action(async (files: string[], options: { verbose?: boolean; json?: boolean }) => {
      const { analyzeArticle } = await import('../analyze/index.ts');
      const { evaluatePetrarch, formatPetrarchReport, parsePetrarchGold } = await import(
        '../analyze/events/evaluate-petrarch.ts'
      );
      // Each sentence is analyzed once, even when it is scored again in the all-files total.
      const coded = new Map<PetrarchSentence, readonly CodedEvent[]>();
      const code = (location: string) => (sentence: PetrarchSentence) => {
        let events = coded.get(sentence);
        if (events === undefined) {
          events = codePetrarchSentence(analyzeArticle, sentence, location);
          coded.set(sentence, events);
        }
        return events;
      };
      const golds: [string, readonly PetrarchSentence[]][] = [];
      for (const file of files) golds.push([file, parsePetrarchGold(await readTextInput(file), file)]);
      const reports = golds.map(([file, sentences]) => ({
        file,
        report: evaluatePetrarch(sentences, code(file)),
      }));
      const total =
        reports.length > 1
          ? evaluatePetrarch(
              golds.flatMap(([, sentences]) => sentences),
              code('all files'),
            )
          : undefined;
      if (options.json) {
        // Without -v, only the figures: the sentence lists are long.
        const figures = (r: PetrarchReport): Partial<PetrarchReport> =>
          options.verbose ? r : { ...r, missed: undefined, wrongType: undefined };
        const json = {
          reports: reports.map((r) => ({ file: r.file, ...figures(r.report) })),
          ...(total ? { total: figures(total) } : {}),
        };
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      for (const { file, report } of reports)
        process.stdout.write(`${formatPetrarchReport(report, file, options.verbose)}\n`);
      if (total) process.stdout.write(`${formatPetrarchReport(total, 'all files', options.verbose)}\n`);
    });
}

/** A gold sentence analyzed as an article of its own, published on the sentence's date; negated acts are not acts. */
function codePetrarchSentence(
  analyze: typeof analyzeArticle,
  sentence: PetrarchSentence,
  file: string,
): readonly CodedEvent[] {
  const raw = makeRawArticle({
    source: { kind: 'file', location: `${file}#${sentence.id}` },
    rawText: sentence.text,
    ...(sentence.date !== undefined ? { publishedAt: sentence.date } : {}),
  });
  return (analyze(raw).annotations.events ?? []).filter((e) => !e.negated);
}

async function readGold(file: string): Promise<GoldFile> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as GoldFile;
  } catch (error) {
    throw new RasdError('E_BAD_DOCUMENT', `cannot read gold file: ${(error as Error).message}`, {
      input: file,
    });
  }
}

async function evaluateFile(file: string): Promise<QuoteReport> {
  const gold = await readGold(file);
  if (!Array.isArray(gold.quotes))
    throw new RasdError('E_BAD_DOCUMENT', 'gold file has no "quotes" list', { input: file });
  const { analyzeArticle } = await import('../analyze/index.ts');
  const { evaluateQuotes } = await import('../analyze/quotes/index.ts');
  return evaluateQuotes(analyzeArticle(await goldArticle(file, gold)), gold);
}

/** The article a gold file is about: its own "text", or the "document" path beside it. */
export async function goldArticle(file: string, gold: GoldFile): Promise<ReturnType<typeof parsePlainText>> {
  let raw: ReturnType<typeof parsePlainText>;
  if (typeof gold.text === 'string') {
    const title = typeof gold.document === 'object' ? gold.document.title : undefined;
    // The publication date, or else the day the page was fetched (descriptions name that day's office holders).
    const meta = typeof gold.document === 'object' ? gold.document : undefined;
    const dated = [meta?.date, meta?.time, meta?.date_extracted].find(
      (d) => typeof d === 'string' && d !== '',
    );
    const fetched = dated?.slice(0, 10);
    raw = makeRawArticle({
      source: { kind: 'file', location: file },
      rawText: gold.text,
      ...(title ? { title } : {}),
      ...(fetched !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(fetched) ? { publishedAt: fetched } : {}),
    });
  } else if (typeof gold.document === 'string') {
    const path = resolve(dirname(file), gold.document);
    raw = parsePlainText(await readTextInput(path), { kind: 'file', location: path });
  } else {
    throw new RasdError('E_BAD_DOCUMENT', 'gold file has neither "text" nor a "document" path', {
      input: file,
    });
  }
  return raw;
}
