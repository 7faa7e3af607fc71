import type { RawArticle } from '../core/article.ts';
import type { InputLimits } from './limits.ts';

/**
 * What a source adapter yields, one at a time so any input size runs in constant memory: an article, a
 * failure that names the input and place (the batch goes on), or a record skipped on purpose (a WARC
 * request record, an image) with why.
 */
export type SourceItem =
  | { readonly kind: 'article'; readonly article: RawArticle }
  | { readonly kind: 'failed'; readonly input: string; readonly reason: string }
  | { readonly kind: 'skipped'; readonly input: string; readonly reason: string };

/** Counts input bytes as adapters read them, so a progress display can give a share done and an ETA. */
export interface ByteCounter {
  read: number;
}

/** JSONL field names, each a list of keys tried in order. */
export interface JsonlFields {
  readonly title: readonly string[];
  readonly text: readonly string[];
  readonly url: readonly string[];
  readonly date: readonly string[];
  readonly author: readonly string[];
  readonly outlet: readonly string[];
}

export const DEFAULT_JSONL_FIELDS: JsonlFields = {
  title: ['title', 'headline'],
  text: ['text', 'body', 'content'],
  url: ['url', 'link'],
  date: ['date', 'publishedAt', 'published', 'date_published', 'date_extracted'],
  author: ['author', 'byline'],
  outlet: ['outlet', 'source', 'site'],
};

/** Options every adapter may use. */
export interface SourceOptions {
  readonly fields: JsonlFields;
  /** Fetch pages over HTTP (feeds with summaries only, URLs on the command line). */
  readonly fetch: (url: string) => Promise<FetchedPage>;
  /** Fetch a feed item's page when the feed gives less text than this. */
  readonly feedSummaryChars: number;
  readonly counter: ByteCounter;
  /** Largest single document (HTML page, text file) read whole. */
  readonly maxDocumentBytes: number;
  /** Line, decompression and nesting limits; `DEFAULT_INPUT_LIMITS` when absent. */
  readonly limits?: InputLimits;
}

export interface FetchedPage {
  /** The final URL after redirects. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  /** Empty for a 304 (not modified). */
  readonly bytes: Uint8Array;
  /** Validators of the response, to make the next request conditional. */
  readonly etag?: string;
  readonly lastModified?: string;
}

/**
 * Per-request additions: conditional headers, mostly. `{headers: {'if-none-match': '"v7"'}}` — a 304 then
 * comes back as a page with `status: 304`.
 */
export interface FetchRequest {
  readonly headers?: Readonly<Record<string, string>>;
}

/** Turns an error of any kind into a one-line reason. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
