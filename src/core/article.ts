import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Span } from './span.ts';

/** Where an article came from. Only `kind` is required; the rest says as much as the source knows. */
export interface ArticleSource {
  readonly kind: 'file' | 'stdin' | 'url' | 'feed' | 'warc' | 'jsonl' | 'inline';
  /** File path, URL or WARC/JSONL file the article was read from. */
  readonly location?: string;
  /** The article's own URL (canonical when known). */
  readonly url?: string;
  /** The publisher's name or site (`almadina`, `og:site_name`), when the source says. */
  readonly outlet?: string;
  /** The feed it was listed in. */
  readonly feedUrl?: string;
  /** WARC-Record-ID of the response record. */
  readonly warcRecordId?: string;
  /** 1-based record number in a JSONL file or WARC. */
  readonly record?: number;
  /** Offset (UTF-16 units) of `rawText` inside the decoded file, when a title line was split off before it. */
  readonly bodyOffset?: number;
}

/** An article as a source adapter produces it: metadata and the body text exactly as found. */
export interface RawArticle {
  /** Content hash of title and raw text (see `articleId`). */
  readonly id: string;
  readonly source: ArticleSource;
  /** The title the source gave (page title, feed title, first line of a text file). May be wrong. */
  readonly title?: string;
  /** ISO 8601 date or date-time of publication, when the source says. */
  readonly publishedAt?: string;
  readonly author?: string;
  /** BCP 47 language tag, when known. */
  readonly language?: string;
  /** The body as found, scraper leftovers included. */
  readonly rawText: string;
}

/** One stretch of clean text copied from the raw text: `[cleanStart, cleanStart+length)` ← `[rawStart, …)`. */
export interface OffsetSegment {
  readonly cleanStart: number;
  readonly rawStart: number;
  readonly length: number;
}

/** Why a piece of the raw text was removed. */
export type RemovalReason =
  | 'ad-shortcode'
  | 'source-footer'
  | 'read-also'
  | 'share-follow'
  | 'copyright'
  | 'related-links'
  | 'advertisement-label'
  | 'navigation'
  | 'blank-lines';

/**
 * Scraper leftovers removed by cleaning. `start`/`end` is the empty span in the clean text where the removal
 * happened (so a reader can show it folded in place); `raw` is what was removed, in raw-text offsets.
 */
export interface Removal extends Span {
  readonly kind: 'boilerplate';
  readonly reason: RemovalReason;
  readonly raw: Span;
  readonly text: string;
}

/**
 * A raw article after cleaning: the clean text is fixed from here on and every annotation points into it.
 * What cleaning removed is reported as the document's `boilerplate` annotations.
 */
export interface Article extends RawArticle {
  readonly cleanText: string;
  readonly offsetMap: readonly OffsetSegment[];
}

/**
 * The stable id of an article: SHA-256 over title and raw text, hex, first 32 characters.
 * `articleId('نص', 'عنوان')` → `'…32 hex chars…'`; the same content always gets the same id.
 */
export function articleId(rawText: string, title = ''): string {
  return bytesToHex(sha256(utf8ToBytes(`${title}\u0000${rawText}`))).slice(0, 32);
}

/** Builds a `RawArticle` with its id computed from the content. */
export function makeRawArticle(fields: Omit<RawArticle, 'id'>): RawArticle {
  const article: { -readonly [K in keyof RawArticle]: RawArticle[K] } = {
    id: articleId(fields.rawText, fields.title ?? ''),
    source: fields.source,
    rawText: fields.rawText,
  };
  if (fields.title !== undefined) article.title = fields.title;
  if (fields.publishedAt !== undefined) article.publishedAt = fields.publishedAt;
  if (fields.author !== undefined) article.author = fields.author;
  if (fields.language !== undefined) article.language = fields.language;
  return article;
}

/** Maps an offset in the clean text back to the raw text. `toRawOffset(article, 0)` → where the body starts. */
export function toRawOffset(map: readonly OffsetSegment[], cleanOffset: number): number {
  let lo = 0;
  let hi = map.length - 1;
  let best: OffsetSegment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = map[mid]!;
    if (seg.cleanStart <= cleanOffset) {
      best = seg;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best === undefined) return cleanOffset;
  return best.rawStart + Math.min(cleanOffset - best.cleanStart, best.length);
}
