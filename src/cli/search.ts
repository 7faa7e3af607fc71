import type { Command } from 'commander';
import { markHighlights } from '../store/snippet.ts';
import { openStore } from '../store/open.ts';
import type { SearchHit } from '../store/types.ts';
import { databasePath } from './ingest.ts';

interface SearchCliOptions {
  db?: string;
  json?: boolean;
  from?: string;
  to?: string;
  source?: string;
  entity?: string;
  limit: string;
}

/** `rasd search QUERY`: full-text search, spelling-insensitive (hamza, ta marbuta, diacritics), with filters. */
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search stored articles: words, "phrases", prefix*; any hamza/ta marbuta/diacritic spelling')
    .argument('<query>', 'the query')
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .option('--from <date>', 'published on or after (ISO date)')
    .option('--to <date>', 'published on or before (ISO date)')
    .option('--source <name>', 'outlet name or site host')
    .option('--entity <name>', 'entity id or name')
    .option('--limit <n>', 'number of results', '20')
    .option('--json', 'print results as JSON lines')
    .action(async (query: string, options: SearchCliOptions) => {
      const store = await openStore(databasePath(options.db));
      try {
        const hits = await store.search({
          text: query,
          limit: Math.max(1, Number(options.limit) || 20),
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
          ...(options.source ? { source: options.source } : {}),
          ...(options.entity ? { entity: options.entity } : {}),
        });
        for (const hit of hits) process.stdout.write(options.json ? `${JSON.stringify(hit)}\n` : formatHit(hit));
        if (!options.json && hits.length === 0) process.stderr.write('no results\n');
      } finally {
        await store.close();
      }
    });
}

function formatHit(hit: SearchHit): string {
  const [open, close] = process.stdout.isTTY ? ['\x1b[1;33m', '\x1b[0m'] : ['[', ']'];
  const title = hit.titleHighlights === undefined ? '(no title)' : markHighlights(hit.titleHighlights, open, close);
  const meta = [hit.publishedAt, hit.outlet, hit.url].filter((v) => v !== undefined).join(' · ');
  return `${title}\n  ${meta}\n  ${markHighlights(hit.snippet, open, close).replace(/\n/g, ' ')}\n  id ${hit.articleId}\n\n`;
}
