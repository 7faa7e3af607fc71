import { type Command, Option } from 'commander';
import { documentToJson } from '../core/document.ts';
import { RasdError } from '../core/errors.ts';
import { parsePlainText } from '../ingest/plain-text.ts';
import { guessScript } from '../ingest/script.ts';
import { readTextInput } from './read-input.ts';
import { formatTextReport } from './text-report.ts';

/** `rasd analyze [FILE|-]`: analyze one text article and print the document as JSON or an Arabic report. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyze one article (UTF-8 text; - or nothing for stdin) and print the analyzed document')
    .argument('[file]', 'text file, or - for stdin', '-')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('json'))
    .option('--published <date>', 'publication date (ISO 8601), used to resolve relative dates')
    .option('--pretty', 'indent JSON output')
    .option('--any-language', 'analyze even text that is not Arabic (the analyzers are built for Arabic)')
    .action(async (file: string, options: { format: 'json' | 'text'; published?: string; pretty?: boolean; anyLanguage?: boolean }) => {
      const text = await readTextInput(file);
      // The Arabic analyzers would only mis-read another language: say what the text is instead (as ingest does).
      const script = guessScript(text);
      if (!script.arabic && options.anyLanguage !== true) {
        throw new RasdError(
          'E_UNSUPPORTED',
          `${file === '-' ? 'stdin' : file}: the text is not Arabic (detected ${script.language}, ${Math.round(script.share * 100)}% of its letters); use --any-language to analyze it anyway`,
        );
      }
      const parsed = parsePlainText(text, file === '-' ? { kind: 'stdin' } : { kind: 'file', location: file });
      const raw = options.published === undefined ? parsed : { ...parsed, publishedAt: options.published };
      // The analyzers and their models load here, not when any command starts.
      const { analyzeArticle } = await import('../analyze/index.ts');
      const doc = analyzeArticle(raw);
      process.stdout.write(options.format === 'text' ? formatTextReport(doc) : `${documentToJson(doc, options.pretty ? 2 : undefined)}\n`);
    });
}
