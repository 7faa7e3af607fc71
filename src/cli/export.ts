import { type Command, Option } from 'commander';
import { openStore } from '../store/open.ts';
import type { ExportKind, ExportRow } from '../store/types.ts';
import { databasePath } from './ingest.ts';

/** `rasd export --format jsonl|csv [--what articles|entities|quotes|events]`: stream stored rows to stdout. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export stored articles, entities, quotes or events as JSONL or CSV')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .addOption(new Option('--what <kind>', 'what to export').choices(['articles', 'entities', 'quotes', 'events']).default('articles'))
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .action(async (options: { format: 'jsonl' | 'csv'; what: ExportKind; db?: string }) => {
      const store = await openStore(databasePath(options.db));
      // `rasd export | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
      });
      try {
        let header: string[] | undefined;
        for await (const row of store.exportRows(options.what)) {
          if (options.format === 'jsonl') {
            await write(`${JSON.stringify(row)}\n`);
            continue;
          }
          if (header === undefined) {
            header = Object.keys(row);
            await write(`${header.map(csvField).join(',')}\r\n`);
          }
          await write(`${header.map((key) => csvField(row[key])).join(',')}\r\n`);
        }
      } finally {
        await store.close();
      }
    });
}

/** RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled. `csvField('a,b')` → `'"a,b"'`. */
export function csvField(value: ExportRow[string] | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes with back-pressure, so exporting a large database does not buffer it all in memory. */
function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}
