import { type Command, Option } from 'commander';
import { RasdError } from '../core/errors.ts';
import { parseInterval } from '../monitor/sources/interval.ts';
import type { SourceKind, SourceRecord } from '../monitor/types.ts';
import { openStore } from '../store/open.ts';
import { databasePath } from './ingest.ts';

interface AddOptions {
  db?: string;
  every: string;
  kind?: SourceKind;
  name?: string;
}

/** `rasd sources add|list|remove`: the feeds and sitemaps `rasd watch` polls. */
export function registerSources(program: Command): void {
  const sources = program.command('sources').description('manage the feeds and news sitemaps `rasd watch` polls');
  sources
    .command('add')
    .description('add feeds/sitemaps by URL, or every source listed in a file (OPML, or one URL per line with an optional interval)')
    .argument('<url-or-file...>', 'http(s) URLs of RSS/Atom feeds or sitemaps, or files listing them')
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .option('--every <interval>', 'polling interval: 30s, 15m, 1h, 1d', '15m')
    .addOption(new Option('--kind <kind>', 'what the URLs serve (default: sniffed on the first poll)').choices(['feed', 'sitemap']))
    .option('--name <name>', 'a display name (with a single URL)')
    .action(async (inputs: string[], options: AddOptions) => {
      const everyMs = parseInterval(options.every);
      const wanted: { url: string; everyMs: number; name?: string }[] = [];
      for (const input of inputs) {
        if (/^https?:\/\//i.test(input)) wanted.push({ url: checkedUrl(input), everyMs, ...(options.name ? { name: options.name } : {}) });
        // The OPML reader (feedsmith) loads only for a file of sources.
        else for (const entry of await (await import('../monitor/sources/sources-file.ts')).readSourcesFile(input)) wanted.push({ everyMs, ...entry, url: checkedUrl(entry.url) });
      }
      const store = await openStore(databasePath(options.db));
      try {
        const now = new Date().toISOString();
        for (const source of wanted) {
          const saved = await store.monitor.addSource({ ...source, ...(options.kind ? { kind: options.kind } : {}) }, now);
          process.stdout.write(`${saved.id}  every ${formatInterval(saved.everyMs)}  ${saved.url}\n`);
        }
        process.stderr.write(`rasd: ${wanted.length} source${wanted.length === 1 ? '' : 's'} added or updated\n`);
      } finally {
        await store.close();
      }
    });
  sources
    .command('list')
    .description('the sources with their health')
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .option('--json', 'one JSON record per line')
    .action(async (options: { db?: string; json?: boolean }) => {
      const store = await openStore(databasePath(options.db));
      try {
        for (const source of await store.monitor.listSources()) {
          process.stdout.write(options.json ? `${JSON.stringify(source)}\n` : formatSource(source));
        }
      } finally {
        await store.close();
      }
    });
  sources
    .command('remove')
    .description('stop polling a source')
    .argument('<id-or-url>', 'the source id (from `rasd sources list`) or its URL')
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .action(async (ref: string, options: { db?: string }) => {
      const store = await openStore(databasePath(options.db));
      try {
        if (!(await store.monitor.removeSource(ref))) throw new RasdError('E_NOT_FOUND', `no source ${JSON.stringify(ref)}`);
        process.stderr.write(`rasd: source ${ref} removed\n`);
      } finally {
        await store.close();
      }
    });
}

function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RasdError('E_USAGE', `not a URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new RasdError('E_USAGE', `only http(s) sources can be polled, not ${JSON.stringify(url)}`);
  return parsed.href;
}

/** `formatInterval(900000)` → `'15m'`. */
export function formatInterval(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000]] as const) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${Math.round(ms / 1000)}s`;
}

/** A duration at a glance: `formatDuration(5_400_000)` → `'1.5 h'`. */
function formatDuration(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000]] as const) {
    if (ms >= 2 * size) return `${Math.round((ms / size) * 10) / 10} ${unit}`;
  }
  return `${Math.round(ms / 100) / 10} s`;
}

function formatSource(source: SourceRecord): string {
  const h = source.health;
  const state = h.failures > 0 ? `failing ×${h.failures}: ${h.lastError ?? ''}` : h.lastSuccessAt ? `ok ${h.lastSuccessAt}` : 'not polled yet';
  const delay = h.meanDelayMs === undefined ? '' : `, mean delay ${formatDuration(h.meanDelayMs)} from publication`;
  return [
    `${source.id}  ${source.kind ?? '?'}  every ${formatInterval(source.everyMs)}  ${source.name ? `${source.name} ` : ''}${source.url}`,
    `  ${state}; ${h.polls} polls (${h.notModified} unchanged, ${h.errors} errors), ${h.itemsFound} items, ${h.itemsIngested} new articles${delay}; next ${source.nextPollAt}`,
    '',
  ].join('\n');
}
