import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type ArticleSource, makeRawArticle, type RawArticle } from '../../core/article.ts';
import { RasdError } from '../../core/errors.ts';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../limits.ts';
import { htmlToLines, nodeToLines } from './blocks.ts';
import { nestsDeeperThan } from './depth.ts';
import { readPageMeta } from './meta.ts';
import { decodeEntities, scanHtmlText, scanHtmlTitle } from './scan-text.ts';

/**
 * Extracts the article of an HTML page: metadata first (Readability rewrites the DOM), then the main content
 * with Mozilla Readability over linkedom, turned into text one line per block. A page Readability cannot
 * read falls back to the whole body. Throws `RasdError` when no text is left.
 * `parseHtmlArticle(html, {kind: 'url', url}).title` → the page's headline.
 */
export function parseHtmlArticle(html: string, source: ArticleSource, limits: InputLimits = DEFAULT_INPUT_LIMITS): RawArticle {
  const input = source.url ?? source.location ?? 'html';
  if (nestsDeeperThan(html, limits.maxHtmlDepth)) return scannedArticle(html, source, input);
  const document = parseDocument(html);
  const meta = readPageMeta(document as never);
  // Computed now because Readability empties the DOM it reads; used only when Readability finds nothing.
  const fallbackText = document.body === null ? '' : nodeToLines(document.body as never);
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  } catch {
    parsed = null; // Malformed pages can throw inside Readability; the body fallback still gives text.
  }
  const rawText = parsed?.content ? htmlToLines(parsed.content) : fallbackText;
  if (rawText.trim() === '') throw new RasdError('E_EMPTY_INPUT', 'no article text found in the page', { input });
  const url = resolveUrl(meta.canonicalUrl, source.url) ?? source.url;
  const outlet = source.outlet ?? meta.siteName ?? parsed?.siteName ?? undefined;
  const title = meta.title ?? parsed?.title ?? undefined;
  const author = meta.author ?? parsed?.byline ?? undefined;
  const language = meta.language ?? parsed?.lang ?? undefined;
  return makeRawArticle({
    source: { ...source, ...(url === undefined ? {} : { url }), ...(outlet ? { outlet } : {}) },
    rawText,
    ...(title ? { title: decodeEntities(title).trim() } : {}),
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    ...(author ? { author: author.trim() } : {}),
    ...(language ? { language } : {}),
  });
}

/** A page too deep for the DOM: its text from a tag scan, its `<title>`, and nothing else guessed. */
function scannedArticle(html: string, source: ArticleSource, input: string): RawArticle {
  const rawText = scanHtmlText(html);
  if (rawText === '') throw new RasdError('E_EMPTY_INPUT', 'no article text found in the page', { input });
  const title = scanHtmlTitle(html);
  return makeRawArticle({ source, rawText, ...(title ? { title } : {}) });
}

/** linkedom leaves `documentElement` null for some pages (stray text before `<html>`); wrapping fixes them. */
function parseDocument(html: string) {
  const { document } = parseHTML(html);
  if (document.documentElement !== null && document.body !== null) return document;
  const start = html.search(/<html[\s>]/i);
  return parseHTML(start > 0 ? html.slice(start) : `<!doctype html><html><body>${html}</body></html>`).document;
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  try {
    const url = new URL(href, base);
    // A canonical `javascript:` or `data:` link must never become the article's address.
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
