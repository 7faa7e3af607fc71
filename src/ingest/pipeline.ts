import { analyzeArticle } from '../analyze/index.ts';
import type { Article, ArticleSource, RawArticle } from '../core/article.ts';
import type { AnalyzedDocument } from '../core/document.ts';
import { cleanRawText } from '../clean/clean.ts';
import { createFingerprinter, DEFAULT_DEDUP_OPTIONS, type DedupOptions, decideNear } from '../dedup/index.ts';
import type { Store } from '../store/store.ts';
import type { Sighting } from '../store/types.ts';
import { RasdError } from '../core/errors.ts';
import { guessScript } from './script.ts';
import { reasonOf, type SourceItem } from './types.ts';

export interface IngestOptions {
  /** Run the full analysis on new articles (off: clean and store only). */
  readonly analyze: boolean;
  /** Commit after this many written items, or after `batchMs`, whichever comes first. */
  readonly batchSize: number;
  readonly batchMs: number;
  readonly dedup: DedupOptions;
  /** Called after every item, for a progress display. */
  readonly onItem?: (summary: IngestSummary) => void;
  /**
   * Called for each article stored or added to a cluster, once its batch is committed (never for a batch
   * rolled back), so a monitor can raise alerts about what is really in the store.
   */
  readonly onCommitted?: (stored: StoredItem) => void | Promise<void>;
}

/** What became of one ingested article: a new story (`new`) or a copy joined to a stored one. */
export interface StoredItem {
  readonly relation: 'new' | 'exact' | 'near';
  readonly rawId: string;
  readonly sourceKey: string;
  /** The cluster's article (the story's first stored text). */
  readonly articleId: string;
  readonly clusterId: string;
  readonly title?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  /** Present for a new, analyzed article. */
  readonly analysis?: AnalyzedDocument;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = { analyze: true, batchSize: 200, batchMs: 2000, dedup: DEFAULT_DEDUP_OPTIONS };

export interface IngestSummary {
  /** Items seen (articles, failures and skips). */
  items: number;
  new: number;
  duplicates: number;
  nearDuplicates: number;
  /** Already ingested from the same place by an earlier run. */
  unchanged: number;
  skipped: number;
  /** New articles not in Arabic (another script, or Persian/Urdu): stored with their language, not analyzed. */
  notArabic: number;
  failed: number;
  failures: { input: string; reason: string }[];
}

/** Where an article was read, stable across runs: its URL, else file and record. `sourceKey({kind: 'file', location: 'a.txt'})` → `'a.txt'`. */
export function sourceKey(source: ArticleSource): string {
  if (source.url !== undefined) return source.url;
  const place = source.location ?? source.kind;
  return source.record === undefined ? place : `${place}#${source.record}`;
}

/**
 * Ingests items into a store: for each article, (1) skip it if this raw article was already read from this
 * place (idempotent re-runs), (2) clean it, (3) look for an exact then a near duplicate of its clean text —
 * a copy joins the original's cluster as a sighting —, (4) otherwise analyze and store it as new.
 * Writes are committed in batches; a killed run loses only its open batch, which the next run redoes.
 * `await ingestItems(store, openSources(['corpus/'], opts))` → the summary.
 */
export async function ingestItems(store: Store, items: AsyncIterable<SourceItem>, options: IngestOptions = DEFAULT_INGEST_OPTIONS): Promise<IngestSummary> {
  const fingerprint = createFingerprinter(options.dedup);
  const summary: IngestSummary = { items: 0, new: 0, duplicates: 0, nearDuplicates: 0, unchanged: 0, skipped: 0, notArabic: 0, failed: 0, failures: [] };
  let pending = 0;
  let batchStarted = 0;
  let committed: StoredItem[] = [];
  const flush = async () => {
    if (pending > 0) await store.commit();
    pending = 0;
    const done = committed;
    committed = [];
    if (options.onCommitted !== undefined) for (const stored of done) await options.onCommitted(stored);
  };
  try {
    for await (const item of items) {
      summary.items++;
      if (item.kind === 'failed') {
        summary.failed++;
        summary.failures.push({ input: item.input, reason: item.reason });
      } else if (item.kind === 'skipped') {
        summary.skipped++;
      } else {
        if (pending === 0) {
          await store.begin();
          batchStarted = Date.now();
        }
        try {
          const { outcome, stored } = await ingestOne(store, item.article, fingerprint, options);
          if (stored !== undefined && options.onCommitted !== undefined) committed.push(stored);
          if (outcome === 'unchanged') summary.unchanged++;
          else {
            pending++;
            if (outcome === 'new-not-arabic') summary.notArabic++;
            if (outcome === 'new' || outcome === 'new-not-arabic') summary.new++;
            else if (outcome === 'exact') summary.duplicates++;
            else summary.nearDuplicates++;
          }
        } catch (error) {
          summary.failed++;
          summary.failures.push({ input: describe(item.article), reason: reasonOf(error) });
        }
        if (pending >= options.batchSize || (pending > 0 && Date.now() - batchStarted >= options.batchMs)) await flush();
      }
      options.onItem?.(summary);
    }
    await flush();
  } catch (error) {
    await store.rollback();
    throw error;
  }
  return summary;
}

type Outcome = 'unchanged' | 'new' | 'new-not-arabic' | 'exact' | 'near';

async function ingestOne(
  store: Store,
  raw: RawArticle,
  fingerprint: ReturnType<typeof createFingerprinter>,
  options: IngestOptions,
): Promise<{ outcome: Outcome; stored?: StoredItem }> {
  const key = sourceKey(raw.source);
  if (await store.hasSighting(raw.id, key)) return { outcome: 'unchanged' };
  const cleaned = cleanRawText(raw.rawText);
  if (cleaned.cleanText.trim() === '') throw new RasdError('E_EMPTY_INPUT', 'no text left after cleaning', { input: describe(raw) });
  const fp = fingerprint(cleaned.cleanText);
  const sighting = (relation: Sighting['relation'], similarity: number): Sighting => ({
    rawId: raw.id,
    sourceKey: key,
    source: raw.source,
    ...(raw.title === undefined ? {} : { title: raw.title }),
    ...(raw.publishedAt === undefined ? {} : { publishedAt: raw.publishedAt }),
    relation,
    similarity,
  });
  const stored = (relation: StoredItem['relation'], clusterId: string, articleId: string, analysis?: AnalyzedDocument): StoredItem => ({
    relation,
    rawId: raw.id,
    sourceKey: key,
    clusterId,
    articleId,
    ...(raw.title === undefined ? {} : { title: raw.title }),
    ...(raw.source.url === undefined ? {} : { url: raw.source.url }),
    ...(raw.publishedAt === undefined ? {} : { publishedAt: raw.publishedAt }),
    ...(analysis === undefined ? {} : { analysis }),
  });
  const exact = await store.findExact(fp.contentHash);
  if (exact !== undefined) {
    await store.addSighting(exact.clusterId, sighting('exact', 1));
    return { outcome: 'exact', stored: stored('exact', exact.clusterId, exact.articleId) };
  }
  const near = decideNear(fp, await store.findCandidates(fp.bands), options.dedup);
  if (near.relation === 'near') {
    await store.addSighting(near.clusterId, sighting('near', near.similarity));
    return { outcome: 'near', stored: stored('near', near.clusterId, near.articleId) };
  }
  // Text in another language is kept (and searchable) under its own tag; the Arabic analyzers would only
  // produce noise on it.
  const script = guessScript(cleaned.cleanText);
  const tagged: RawArticle = script.arabic ? raw : { ...raw, language: script.language };
  // Only new Arabic stories pay for analysis, which reuses the cleaning done for deduplication.
  const analysis = options.analyze && script.arabic ? analyzeArticle(tagged, cleaned) : undefined;
  const article: Article = analysis?.article ?? { ...tagged, cleanText: cleaned.cleanText, offsetMap: cleaned.offsetMap };
  await store.addArticle({ article, fingerprint: fp, sighting: sighting('original', 1), ...(analysis ? { analysis } : {}) });
  return { outcome: script.arabic ? 'new' : 'new-not-arabic', stored: stored('new', article.id, article.id, analysis) };
}

function describe(raw: RawArticle): string {
  const s = raw.source;
  return [s.location ?? s.url ?? s.kind, s.record === undefined ? '' : `record ${s.record}`].filter((p) => p !== '').join(', ');
}
