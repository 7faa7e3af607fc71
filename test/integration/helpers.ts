import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WARCRecord, WARCSerializer } from 'warcio';

export const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;
export const BIN = new URL('../../bin/rasd.js', import.meta.url).pathname;

export interface CorpusRecord {
  readonly source: string;
  readonly url: string;
  readonly date_extracted: string;
  readonly title: string;
  readonly author?: string;
  readonly text: string;
}

/** The 40 real SaudiNewsNet articles of the ingest fixtures. */
export function corpus(): CorpusRecord[] {
  return readFileSync(join(FIXTURES, 'corpus-40.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CorpusRecord);
}

/** A JSONL dump of `total` real-text records: the 40 fixture articles recombined, so there are new stories, exact and near copies. */
export function writeRecombinedDump(path: string, total: number): void {
  const records = corpus();
  const lines: string[] = [];
  for (let i = 0; i < total; i++) {
    const a = records[i % 40]!;
    const b = records[(i * 7 + 3) % 40]!;
    // Every third record repeats its base article exactly; the rest mix in a paragraph of another one.
    const text = i % 3 === 0 ? a.text : `${a.text}\n${b.text.split('\n')[i % 2] ?? ''}\n${i}`;
    lines.push(JSON.stringify({ ...a, url: `${a.url}?copy=${i}`, title: `${a.title} ${i}`, text }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'rasd-ingest-'));
}

/** Runs the real CLI and waits for it. */
export function rasd(args: readonly string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, env: { ...process.env, ...env } });
}

/** Runs the real CLI without blocking this process's event loop (a test HTTP server must keep answering). */
export function rasdRun(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Starts the real CLI without waiting (for the kill test). */
export function rasdAsync(args: readonly string[]) {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed carrying full articles in content:encoded, one paragraph per line. */
export function rssFeed(records: readonly CorpusRecord[]): string {
  const items = records.map(
    (r) => `<item><title>${escapeXml(r.title)}</title><link>${escapeXml(r.url)}</link>
      <pubDate>${new Date(`${r.date_extracted.replace(' ', 'T')}Z`).toUTCString()}</pubDate>
      <dc:creator>${escapeXml(r.author ?? '')}</dc:creator>
      <description>${escapeXml(r.text.slice(0, 120))}</description>
      <content:encoded><![CDATA[${r.text.split('\n').map((p) => `<p>${p}</p>`).join('')}]]></content:encoded></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>أخبار</title><link>https://news.example/</link><description>test</description>${items.join('\n')}</channel></rss>`;
}

/** An Atom feed of summaries only: the reader must fetch each linked page. */
export function atomFeed(entries: readonly { title: string; url: string; summary: string; published: string }[]): string {
  const body = entries.map(
    (e) => `<entry><title>${escapeXml(e.title)}</title><id>${escapeXml(e.url)}</id><link rel="alternate" href="${escapeXml(e.url)}"/>
      <published>${e.published}</published><updated>${e.published}</updated><summary>${escapeXml(e.summary)}</summary></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>ملخصات</title><id>urn:test</id>
<updated>2020-01-01T00:00:00Z</updated>${body.join('\n')}</feed>`;
}

/** A WARC.gz with a request and a response record per page (real HTML payloads) plus a warcinfo record. */
export async function writeWarcGz(path: string, pages: readonly { url: string; html: Uint8Array }[]): Promise<void> {
  const parts: Uint8Array[] = [];
  const info = WARCRecord.createWARCInfo({ filename: 'test.warc.gz', warcVersion: 'WARC/1.1' }, { software: 'rasd tests' });
  parts.push(await WARCSerializer.serialize(info, { gzip: true }));
  for (const page of pages) {
    const request = WARCRecord.create({ url: page.url, type: 'request', httpHeaders: { Host: new URL(page.url).host }, statusline: 'GET / HTTP/1.1' }, [new Uint8Array(0)]);
    parts.push(await WARCSerializer.serialize(request, { gzip: true }));
    const response = WARCRecord.create(
      { url: page.url, type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK' },
      [page.html],
    );
    parts.push(await WARCSerializer.serialize(response, { gzip: true }));
  }
  writeFileSync(path, Buffer.concat(parts));
}

/** A stable dump of a database's content, without the wall-clock column, for comparing two databases. */
export function dumpDatabase(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const out: string[] = [];
    const tables: Record<string, string> = {
      articles: 'SELECT rowid, id, title, published_at, url, outlet, source_json, clean_text, content_hash, hex(signature) AS sig FROM articles ORDER BY rowid',
      sightings: 'SELECT * FROM sightings ORDER BY rowid',
      lsh_bands: 'SELECT * FROM lsh_bands ORDER BY band, article_id',
      analyses: 'SELECT article_id, schema_version FROM analyses ORDER BY article_id',
      entities: 'SELECT * FROM entities ORDER BY article_id, entity_id',
      quotes: 'SELECT * FROM quotes ORDER BY article_id, idx',
      fts: `SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'ال*' ORDER BY rowid`,
    };
    for (const [name, sql] of Object.entries(tables)) out.push(`## ${name}`, ...db.prepare(sql).all().map((row) => JSON.stringify(row)));
    return out.join('\n');
  } finally {
    db.close();
  }
}

export function ensureDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
