import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanRawText } from '../src/clean/clean.ts';
import { parseHtmlArticle } from '../src/ingest/html/extract.ts';
import { normalizeArabic } from '../src/text/normalize.ts';
import { SHARED_DIR } from './corpus.ts';

/**
 * HTML extraction: rasd's extractor (Readability's content HTML turned into one line per block, then cleaned)
 * beside Readability's own `textContent`, on real Arabic pages with expected text (../shared/datasets/html-pages):
 * word-level F1 against the expected text, glued sentences (a stop followed by a letter, as when paragraphs
 * run together), must/must-not snippets, and milliseconds per page.
 */
interface Page {
  readonly name: string;
  readonly html: string;
  readonly expected?: string;
  readonly must?: readonly string[];
  readonly mustNot?: readonly string[];
}

function pages(): Page[] {
  const dir = `${SHARED_DIR}datasets/html-pages/`;
  const lb = JSON.parse(readFileSync(`${dir}fundus-lb/LBCGroup.json`, 'utf8')) as {
    V1: { body: { summary: string[]; sections: { paragraphs: string[] }[] } };
  };
  const trafilatura = Object.values(
    JSON.parse(readFileSync(`${dir}trafilatura/evaldata-arabic.json`, 'utf8')) as Record<string, { file: string; with: string[]; without: string[] }>,
  )[0]!;
  return [
    {
      name: 'CNN Arabic (newspaper4k)',
      html: readFileSync(`${dir}newspaper4k/arabic_article.html`, 'utf8'),
      expected: readFileSync(`${dir}newspaper4k/arabic_article.txt`, 'utf8'),
    },
    {
      name: 'LBC (fundus)',
      html: gunzipSync(readFileSync(`${dir}fundus-lb/LBCGroup_2026_01_08.html.gz`)).toString('utf8'),
      expected: [...lb.V1.body.summary, ...lb.V1.body.sections.flatMap((s) => s.paragraphs)].join('\n'),
    },
    {
      name: 'assabah.com.tn (trafilatura)',
      html: readFileSync(`${dir}trafilatura/${trafilatura.file}`, 'utf8'),
      must: trafilatura.with,
      mustNot: trafilatura.without,
    },
  ];
}

function rasdText(html: string): string {
  return cleanRawText(parseHtmlArticle(html, { kind: 'inline' }).rawText).cleanText;
}

function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  return parsed?.textContent ?? '';
}

function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of normalizeArabic(text).split(/[^\p{L}\p{N}]+/u)) if (w !== '') counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Bag-of-words F1 of `got` against `expected`. */
function wordF1(got: string, expected: string): number {
  const a = words(got);
  const b = words(expected);
  let common = 0;
  for (const [w, n] of a) common += Math.min(n, b.get(w) ?? 0);
  const precision = common / Math.max(1, [...a.values()].reduce((x, y) => x + y, 0));
  const recall = common / Math.max(1, [...b.values()].reduce((x, y) => x + y, 0));
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function glued(text: string): number {
  return (text.match(/[.!؟?»”][\p{L}]/gu) ?? []).length;
}

function msPerPage(html: string, extract: (html: string) => string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    extract(html);
    best = Math.min(best, performance.now() - start);
  }
  return Math.round(best * 10) / 10;
}

/** One row per page and extractor. */
export function benchHtml(): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  for (const page of pages()) {
    for (const [extractor, extract] of [
      ['rasd', rasdText],
      ['Readability textContent', readabilityText],
    ] as const) {
      const text = extract(page.html);
      const norm = normalizeArabic(text);
      rows.push({
        page: page.name,
        extractor,
        'word F1': page.expected === undefined ? '—' : Math.round(wordF1(text, page.expected) * 1000) / 1000,
        'glued sentences': glued(text),
        'must found': page.must === undefined ? '—' : `${page.must.filter((m) => norm.includes(normalizeArabic(m))).length}/${page.must.length}`,
        'must-not found': page.mustNot === undefined ? '—' : `${page.mustNot.filter((m) => norm.includes(normalizeArabic(m))).length}/${page.mustNot.length}`,
        'ms/page': msPerPage(page.html, extract),
      });
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchHtml());
