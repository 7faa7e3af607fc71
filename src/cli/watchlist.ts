import type { Command } from 'commander';
import { EVENT_TYPES } from '../analyze/events/ontology.ts';
import { RasdError } from '../core/errors.ts';
import type { Alert, Watchlist, WatchQuery } from '../monitor/types.ts';
import { openStore } from '../store/open.ts';
import { collect, databasePath } from './ingest.ts';

interface AddOptions {
  db?: string;
  text?: string;
  actor: string[];
  speaker?: string;
  eventType: string[];
  eventSource?: string;
  eventTarget?: string;
  source?: string;
  webhook?: string;
  secret?: string;
}

/** `rasd watchlist add|list|remove` and `rasd alerts`: saved structured queries and what they caught. */
export function registerWatchlists(program: Command): void {
  const watchlist = program.command('watchlist').description('saved queries over text, actors, quotes and events that raise alerts on new articles');
  watchlist
    .command('add')
    .description('save a watchlist; every given condition must hold')
    .argument('<name>', 'a name for it')
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .option('--text <query>', 'words, "phrases", prefix* that must all occur')
    .option('--actor <name-or-id>', 'an actor the article must name (repeatable: all must be named)', collect, [])
    .option('--speaker <name-or-id>', 'a quote by this actor')
    .option('--event-type <TYPE>', `an event of this PLOVER type (repeatable: any of): ${EVENT_TYPES.join(', ')}`, collect, [])
    .option('--event-source <actor-or-ISO3>', 'the event\'s source: an actor or a country code (KOR)')
    .option('--event-target <actor-or-ISO3>', 'the event\'s target: an actor or a country code')
    .option('--source <outlet-or-host>', 'only articles from this outlet or site')
    .option('--webhook <url>', 'POST each alert here as signed JSON')
    .option('--secret <secret>', 'HMAC-SHA256 key for the X-Rasd-Signature header (default $RASD_WEBHOOK_SECRET)')
    .action(async (name: string, options: AddOptions) => {
      const query = queryFromOptions(options);
      const secret = options.secret ?? process.env.RASD_WEBHOOK_SECRET;
      if (options.webhook !== undefined && !/^https?:\/\//i.test(options.webhook)) throw new RasdError('E_USAGE', `--webhook must be an http(s) URL, not ${JSON.stringify(options.webhook)}`);
      const store = await openStore(databasePath(options.db));
      try {
        const saved = await store.monitor.addWatchlist(
          { name, query, ...(options.webhook ? { webhook: { url: options.webhook, ...(secret ? { secret } : {}) } } : {}) },
          new Date().toISOString(),
        );
        process.stdout.write(`${saved.id}\n`);
        process.stderr.write(`rasd: watchlist ${saved.id} "${saved.name}" saved: ${describeQuery(saved.query)}\n`);
      } finally {
        await store.close();
      }
    });
  watchlist
    .command('list')
    .description('the saved watchlists')
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .option('--json', 'one JSON record per line (webhook secrets left out)')
    .action(async (options: { db?: string; json?: boolean }) => {
      const store = await openStore(databasePath(options.db));
      try {
        for (const saved of await store.monitor.listWatchlists()) {
          process.stdout.write(options.json ? `${JSON.stringify(withoutSecret(saved))}\n` : formatWatchlist(saved));
        }
      } finally {
        await store.close();
      }
    });
  watchlist
    .command('remove')
    .description('delete a watchlist and its alerts')
    .argument('<id>', 'the watchlist id')
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .action(async (id: string, options: { db?: string }) => {
      const store = await openStore(databasePath(options.db));
      try {
        if (!(await store.monitor.removeWatchlist(id))) throw new RasdError('E_NOT_FOUND', `no watchlist ${JSON.stringify(id)}`);
        process.stderr.write(`rasd: watchlist ${id} removed\n`);
      } finally {
        await store.close();
      }
    });

  program
    .command('alerts')
    .description('alerts raised by watchlists, newest first')
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .option('--watchlist <id>', 'only this watchlist\'s alerts')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'one JSON record per line')
    .action(async (options: { db?: string; watchlist?: string; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new RasdError('E_USAGE', `--limit must be 1–500, not ${JSON.stringify(options.limit)}`);
      const store = await openStore(databasePath(options.db));
      try {
        const names = new Map((await store.monitor.listWatchlists()).map((w) => [w.id, w.name]));
        for (const alert of await store.monitor.listAlerts({ limit, ...(options.watchlist ? { watchlistId: options.watchlist } : {}) })) {
          process.stdout.write(options.json ? `${JSON.stringify(alert)}\n` : formatAlert(alert, names.get(alert.watchlistId) ?? alert.watchlistId));
        }
      } finally {
        await store.close();
      }
    });
}

/** The query the flags describe; at least one condition. */
function queryFromOptions(options: AddOptions): WatchQuery {
  const types = options.eventType.map((t) => t.trim().toUpperCase());
  const unknown = types.find((t) => !(EVENT_TYPES as readonly string[]).includes(t));
  if (unknown !== undefined) throw new RasdError('E_USAGE', `unknown event type ${JSON.stringify(unknown)}; use one of ${EVENT_TYPES.join(', ')}`);
  const query: WatchQuery = {
    ...(options.text ? { text: options.text } : {}),
    ...(options.actor.length > 0 ? { actors: options.actor } : {}),
    ...(options.speaker ? { speaker: options.speaker } : {}),
    ...(types.length > 0 ? { eventTypes: types } : {}),
    ...(options.eventSource ? { eventSource: options.eventSource } : {}),
    ...(options.eventTarget ? { eventTarget: options.eventTarget } : {}),
    ...(options.source ? { source: options.source } : {}),
  };
  if (Object.keys(query).length === 0) throw new RasdError('E_USAGE', 'a watchlist needs at least one condition: --text, --actor, --speaker, --event-type, --event-source, --event-target or --source');
  return query;
}

/** A one-line reading of a query: `describeQuery({speaker: 'بيسكوف'})` → `quotes by بيسكوف`. */
export function describeQuery(query: WatchQuery): string {
  const parts: string[] = [];
  if (query.text) parts.push(`text ${query.text}`);
  if (query.actors) parts.push(`naming ${query.actors.join(' + ')}`);
  if (query.speaker) parts.push(`quotes by ${query.speaker}`);
  if (query.eventTypes || query.eventSource || query.eventTarget) {
    const sides = [query.eventSource ? `by ${query.eventSource}` : '', query.eventTarget ? `against ${query.eventTarget}` : ''].filter((s) => s !== '');
    parts.push(`events ${query.eventTypes?.join('|') ?? 'of any type'}${sides.length > 0 ? ` ${sides.join(' ')}` : ''}`);
  }
  if (query.source) parts.push(`from ${query.source}`);
  return parts.join('; ');
}

function withoutSecret(watchlist: Watchlist): unknown {
  const { webhook, ...rest } = watchlist;
  return webhook === undefined ? rest : { ...rest, webhook: { url: webhook.url, hasSecret: webhook.secret !== undefined } };
}

function formatWatchlist(watchlist: Watchlist): string {
  const hook = watchlist.webhook ? `  → ${watchlist.webhook.url}${watchlist.webhook.secret ? ' (signed)' : ''}` : '';
  return `${watchlist.id}  ${watchlist.name}: ${describeQuery(watchlist.query)}${hook}\n`;
}

function formatAlert(alert: Alert, watchlistName: string): string {
  const reasons = alert.match.reasons.map((r) => `${r.kind}: ${r.text}${r.detail ? ` (${r.detail})` : ''}`).join(' | ');
  const meta = [alert.publishedAt, alert.outlet, alert.url].filter((v) => v !== undefined).join(' · ');
  return `${alert.createdAt}  [${watchlistName}]  ${alert.title ?? '(no title)'}\n  ${meta}\n  ${reasons}\n  article ${alert.articleId}, delivery ${alert.delivery.status}\n\n`;
}
