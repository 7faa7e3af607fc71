import type { RawArticle } from '../../core/article.ts';
import {
  DEFAULT_INGEST_OPTIONS,
  type IngestOptions,
  ingestItems,
  type StoredItem,
} from '../../ingest/pipeline.ts';
import { reasonOf, type SourceItem } from '../../ingest/types.ts';
import type { Store } from '../../store/store.ts';
import type { SourceRecord } from '../types.ts';

/** Something that failed inside a poll that went on: an item, a child sitemap, a callback. */
export interface Problem {
  readonly input: string;
  readonly reason: string;
}

/** What a poll has done so far; kept when a later step fails, so the health record still counts it. */
export interface Progress {
  newItems: number;
  ingested: number;
  duplicates: number;
  listed: number;
  delaysMs: number[];
}

/** What ingesting needs from the poll's options. */
export interface IngestContext {
  readonly store: Store;
  readonly ingest?: IngestOptions;
  readonly onStored?: (stored: StoredItem, source: SourceRecord) => void | Promise<void>;
  readonly now?: () => number;
}

/**
 * Ingests loaded items of a source, hands each committed article to `onStored`, then marks the items seen
 * — after the commit, so a crash in between re-reads them (ingestion is idempotent) rather than losing them.
 * Counts new articles, copies and publication→ingestion delays into `progress`. Run it in the caller's
 * write turn: the store's batch is one transaction. `await ingestLoaded(source, loaded, {store}, progress, problems)`.
 */
export async function ingestLoaded(
  source: SourceRecord,
  loaded: readonly { key: string; article: RawArticle }[],
  context: IngestContext,
  progress: Progress,
  problems: Problem[],
): Promise<void> {
  const now = context.now ?? Date.now;
  const onCommitted = async (stored: StoredItem) => {
    if (stored.relation === 'new') {
      progress.ingested++;
      const published = stored.publishedAt === undefined ? Number.NaN : Date.parse(stored.publishedAt);
      // A date in the future is a wrong time zone, not a negative delay.
      if (!Number.isNaN(published)) progress.delaysMs.push(Math.max(0, now() - published));
    } else progress.duplicates++;
    if (context.onStored === undefined) return;
    try {
      await context.onStored(stored, source);
    } catch (error) {
      // The article is stored whatever the callback does; its failure is reported, not fatal.
      problems.push({ input: stored.url ?? stored.articleId, reason: `onStored: ${reasonOf(error)}` });
    }
  };
  const summary = await ingestItems(context.store, articleItems(loaded), {
    ...(context.ingest ?? DEFAULT_INGEST_OPTIONS),
    onCommitted,
  });
  // An item the pipeline refused (no text left after cleaning) would be refused again: it counts as handled.
  problems.push(...summary.failures);
  await context.store.monitor.markItemsSeen(
    source.id,
    loaded.map((l) => l.key),
    new Date(now()).toISOString(),
  );
  progress.newItems += loaded.length;
}

async function* articleItems(loaded: readonly { article: RawArticle }[]): AsyncGenerator<SourceItem> {
  for (const { article } of loaded) yield { kind: 'article', article };
}
