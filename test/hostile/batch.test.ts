import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { IngestSummary } from '../../src/ingest/pipeline.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { corpus, ensureDir, rasdRun, rssFeed, tempDir } from '../integration/helpers.ts';
import {
  BILLION_LAUGHS,
  EXTERNAL_ENTITY,
  encodeCp1256,
  gzipBomb,
  htmlPage,
  paragraphs,
  skewContentLength,
  warcBytes,
  writeHugeLine,
} from './inputs.ts';

const records = corpus();
const asText = (i: number) => `${records[i]!.title}\n${records[i]!.text.trim()}\n`;
const MB = 1 << 20;

/**
 * One ingest run over a folder holding every hostile file of the catalogue (test/hostile/README.md) between a
 * good article sorted first and one sorted last, into a store that already holds articles from an earlier run.
 */
describe('hostile files in one ingest batch (through the CLI)', () => {
  const dir = tempDir();
  const earlier = ensureDir(join(dir, 'earlier'));
  const batch = ensureDir(join(dir, 'batch'));
  const db = join(dir, 'rasd.db');
  const at = (name: string) => join(batch, name);
  let summary: IngestSummary;
  let seconds = 0;

  const failuresOf = (name: string) => summary.failures.filter((f) => f.input.startsWith(at(name)));
  const onlyFailure = (name: string) => {
    const found = failuresOf(name);
    assert.equal(found.length, 1, `${name}: ${JSON.stringify(summary.failures.filter((f) => f.input.includes(name)))}`);
    return found[0]!;
  };
  const rows = () => {
    const sqlite = new Database(db, { readonly: true });
    try {
      return sqlite.prepare('SELECT id, title, language, url, source_json AS source, clean_text AS text, (SELECT count(*) FROM analyses WHERE article_id = articles.id) AS analyzed FROM articles').all() as {
        id: string; title: string | null; language: string | null; url: string | null; source: string; text: string; analyzed: number;
      }[];
    } finally {
      sqlite.close();
    }
  };
  const rowFrom = (name: string) => rows().filter((r) => (JSON.parse(r.source) as { location?: string }).location === at(name));

  before(async () => {
    // An earlier run: these must survive everything that follows.
    writeFileSync(join(earlier, 'a.txt'), asText(0));
    writeFileSync(join(earlier, 'b.txt'), asText(1));
    const first = await rasdRun(['ingest', earlier, '--db', db, '--json', '--no-analyze']);
    assert.equal(first.status, 0, first.stderr);
    assert.equal((JSON.parse(first.stdout) as IngestSummary).new, 2);

    writeFileSync(at('000-good-first.txt'), asText(2));
    // 1, 2: invalid and mixed encodings; 3, 4: windows-1256, undeclared and declared.
    writeFileSync(at('01-invalid-utf8.txt'), Buffer.concat([Buffer.from('A plain line, then stray bytes: '), Buffer.from([0x80, 0x82, 0x84]), Buffer.from(' end\n')]));
    writeFileSync(at('02-mixed-encodings.txt'), Buffer.concat([Buffer.from(`${records[3]!.text.slice(0, 300)}\n`), encodeCp1256(records[4]!.text.slice(0, 300))]));
    writeFileSync(at('03-cp1256-undeclared.txt'), encodeCp1256(asText(5)));
    writeFileSync(at('04-cp1256-undeclared.html'), encodeCp1256(`<html><head><title>${records[6]!.title}</title></head><body>${paragraphs(records[6]!.text)}</body></html>`));
    writeFileSync(at('05-cp1256-declared.html'), encodeCp1256(htmlPage(records[7]!.title, paragraphs(records[7]!.text)).replace('utf-8', 'windows-1256')));
    // 5, 7: one JSONL file with a record of invalid UTF-8 and one with an escaped NUL between good records.
    const jsonl = [
      Buffer.from(`${JSON.stringify({ title: records[8]!.title, text: records[8]!.text })}\n`),
      Buffer.concat([Buffer.from('{"title": "x", "text": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}\n')]),
      Buffer.from(`${JSON.stringify({ title: 'nul', text: `${records[9]!.text.slice(0, 200)}\u0000binary` })}\n`),
      Buffer.from(`${JSON.stringify({ title: records[10]!.title, text: records[10]!.text })}\n`),
    ];
    writeFileSync(at('06-records.jsonl'), Buffer.concat(jsonl));
    // 6, 8: NUL bytes in a text file (past the first 8 KB) and in a page.
    writeFileSync(at('07-nul-late.txt'), Buffer.concat([Buffer.from(asText(11).repeat(4).padEnd(9000, ' ')), Buffer.from([0]), Buffer.from('tail\n')]));
    writeFileSync(at('08-nul.html'), Buffer.from(htmlPage(records[12]!.title, paragraphs(records[12]!.text.replace(/ /, ' \u0000 ')))));
    // 9: empty and whitespace-only files.
    writeFileSync(at('09-empty.txt'), '');
    writeFileSync(at('10-whitespace.txt'), ' \n\t\r\n   \n');
    // 10, 11: a 200 MB single line, as text and as JSONL (followed by a good record).
    writeHugeLine(at('11-huge-line.txt'), 200 * MB);
    writeHugeLine(at('12-huge-line.jsonl'), 200 * MB, '{"text": "');
    writeFileSync(at('12-huge-line.jsonl'), `"}\n${JSON.stringify({ title: records[13]!.title, text: records[13]!.text })}\n`, { flag: 'a' });
    // 13, 14: truncated gzip (JSONL and WARC).
    const gzJsonl = gzipSync(records.slice(14, 24).map((r) => JSON.stringify({ title: r.title, text: r.text })).join('\n'));
    writeFileSync(at('13-truncated.jsonl.gz'), gzJsonl.subarray(0, Math.floor(gzJsonl.length * 0.6)));
    const page = (i: number) => ({ url: `https://news.example/${i}`, body: Buffer.from(htmlPage(records[i]!.title, paragraphs(records[i]!.text))) });
    const warcGz = await warcBytes([page(24), page(25), page(26)], true);
    writeFileSync(at('14-truncated.warc.gz'), warcGz.subarray(0, warcGz.length - 400));
    // 15, 16: plain WARCs cut short, or with a Content-Length too large / too small.
    const warc = await warcBytes([page(27), page(28)]);
    writeFileSync(at('15-truncated.warc'), warc.subarray(0, warc.length - 300));
    writeFileSync(at('16-length-too-large.warc'), skewContentLength(warc, 1, 100_000));
    writeFileSync(at('17-length-too-small.warc'), skewContentLength(await warcBytes([page(29), page(30)]), 1, -60));
    // 17, 18: gzip bombs (1 GB of zeros in ~1 MB) as JSONL, WARC and text, and inside a WARC response body.
    const bomb = gzipBomb(64);
    writeFileSync(at('18-bomb.jsonl.gz'), bomb);
    writeFileSync(at('19-bomb.warc.gz'), bomb);
    writeFileSync(at('20-bomb.txt.gz'), bomb);
    writeFileSync(at('21-body-bomb.warc'), await warcBytes([{ url: 'https://bomb.example/', body: gzipBomb(8), headers: { 'Content-Encoding': 'gzip' } }]));
    // 19, 20: XML entity attacks.
    writeFileSync(at('22-billion-laughs.rss'), BILLION_LAUGHS);
    writeFileSync(at('23-external-entity.rss'), EXTERNAL_ENTITY);
    // 21: 100,000 nested elements.
    writeFileSync(at('24-deep.html'), `<html><head><title>${records[31]!.title}</title></head><body>${'<div>'.repeat(100_000)}${paragraphs(records[31]!.text)}${'</div>'.repeat(100_000)}</body></html>`);
    // 22, 23: scripts, handlers, javascript: links in a page and in a feed.
    const hostileHead = '<link rel="canonical" href="javascript:alert(1)"><script>document.title="HACKED-HEAD"</script>';
    const hostileBody = `<script>alert("HACKED-BODY")</script><p onclick="alert('HACKED-HANDLER')">${records[32]!.text.split('\n')[0]}</p><a href="javascript:alert('HACKED-LINK')">اضغط</a><img src=x onerror="alert('HACKED-IMG')">${paragraphs(records[32]!.text)}`;
    writeFileSync(at('25-script.html'), htmlPage(records[32]!.title, hostileBody, hostileHead));
    writeFileSync(at('26-js-links.rss'), rssFeed([{ ...records[33]!, url: 'javascript:alert(1)' }, { ...records[34]!, url: 'data:text/html,<script>alert(1)</script>' }]));
    // 25: an extremely long token.
    writeFileSync(at('27-long-token.txt'), `${records[35]!.title}\n${records[35]!.text.trim()}\n${'ب'.repeat(100_000)}\n${records[35]!.text.trim().split('\n')[0]}\n`);
    // 26: other languages and scripts.
    writeFileSync(at('28-english.txt'), 'Kremlin spokesman Dmitry Peskov said on Monday that the talks would continue next week in Moscow.\nHe gave no further details.\n');
    writeFileSync(at('29-russian.txt'), 'Пресс-секретарь Кремля Дмитрий Песков заявил в понедельник, что переговоры продолжатся на следующей неделе.\n');
    writeFileSync(at('30-chinese.txt'), '克里姆林宫发言人佩斯科夫星期一表示，谈判将于下周在莫斯科继续进行。他没有透露更多细节。\n');
    writeFileSync(at('31-persian.txt'), 'سخنگوی کرملین روز دوشنبه گفت که گفتگوها هفته آینده در مسکو ادامه خواهد یافت. او جزئیات بیشتری ارائه نکرد و گفت که این یک گام مهم است.\n');
    writeFileSync(at('zzz-good-last.txt'), asText(36));

    const started = Date.now();
    const run = await rasdRun(['ingest', batch, '--db', db, '--json']);
    seconds = (Date.now() - started) / 1000;
    assert.equal(run.status, 0, run.stderr);
    summary = JSON.parse(run.stdout) as IngestSummary;
  });

  it('goes on past every bad input: the first and last good articles and the earlier run are all searchable', async () => {
    const store = await openSqliteStore(db);
    try {
      for (const i of [0, 1, 2, 36]) {
        const hits = await store.search({ text: `"${records[i]!.title}"` });
        assert.ok(hits.length >= 1, `record ${i} (${records[i]!.title}) is searchable`);
      }
    } finally {
      await store.close();
    }
    assert.equal(rowFrom('000-good-first.txt').length, 1);
    assert.equal(rowFrom('zzz-good-last.txt').length, 1);
    // About 20 s on an idle 2-core machine; the bound only catches a hang or a quadratic blow-up.
    assert.ok(seconds < 240, `batch took ${seconds} s`);
  });

  it('refuses invalid UTF-8 with the byte offset', () => {
    const failure = onlyFailure('01-invalid-utf8.txt');
    assert.match(failure.reason, /01-invalid-utf8\.txt, byte 32: invalid UTF-8.*\[E_INVALID_UTF8\]/);
  });

  it('refuses a file mixing UTF-8 and windows-1256', () => {
    assert.match(onlyFailure('02-mixed-encodings.txt').reason, /byte \d+: .*mixes UTF-8 with another encoding.*\[E_INVALID_UTF8\]/);
  });

  it('decodes undeclared windows-1256 text and pages', async () => {
    for (const name of ['03-cp1256-undeclared.txt', '04-cp1256-undeclared.html', '05-cp1256-declared.html']) {
      assert.deepEqual(failuresOf(name), [], name);
      const [row] = rowFrom(name);
      assert.ok(row, name);
      assert.match(row.text, /[\u0621-\u064A]{3,}/, name);
      assert.doesNotMatch(row.text, /\uFFFD/, name);
    }
    const store = await openSqliteStore(db);
    try {
      const word = records[5]!.text.match(/[\u0621-\u064A]{6,}/)![0];
      const hits = await store.search({ text: word });
      assert.ok(hits.some((h) => h.articleId === rowFrom('03-cp1256-undeclared.txt')[0]!.id), word);
    } finally {
      await store.close();
    }
  });

  it('fails only the JSONL records that are bad', () => {
    const failures = failuresOf('06-records.jsonl');
    assert.equal(failures.length, 2, JSON.stringify(failures));
    assert.match(failures[0]!.input, /record 2, byte \d+/);
    assert.match(failures[0]!.reason, /\[E_INVALID_UTF8\]/);
    assert.match(failures[1]!.input, /record 3, byte \d+/);
    assert.match(failures[1]!.reason, /NUL.*\[E_BINARY_INPUT\]/);
    assert.equal(rowFrom('06-records.jsonl').length, 2);
  });

  it('refuses NUL bytes in text files, strips them from pages', () => {
    assert.match(onlyFailure('07-nul-late.txt').reason, /byte \d+: binary data \(NUL byte\).*\[E_BINARY_INPUT\]/);
    const [page] = rowFrom('08-nul.html');
    assert.ok(page);
    assert.doesNotMatch(page.text, /\u0000/);
  });

  it('refuses empty and whitespace-only files', () => {
    assert.match(onlyFailure('09-empty.txt').reason, /empty.*\[E_EMPTY_INPUT\]/);
    assert.match(onlyFailure('10-whitespace.txt').reason, /empty.*\[E_EMPTY_INPUT\]/);
  });

  it('refuses a 200 MB single line in text and JSONL', () => {
    assert.match(onlyFailure('11-huge-line.txt').reason, /larger than 33554432 bytes \[E_INPUT_TOO_LARGE\]/);
    const line = onlyFailure('12-huge-line.jsonl');
    assert.match(line.input, /record 1, byte 0/);
    assert.match(line.reason, /line of 2097152\d\d bytes exceeds 16777216 \[E_INPUT_TOO_LARGE\]/);
    assert.equal(rowFrom('12-huge-line.jsonl').length, 1, 'the record after the long line is stored');
  });

  it('keeps what a truncated gzip held and says where it stopped', () => {
    const jsonl = onlyFailure('13-truncated.jsonl.gz');
    assert.match(jsonl.input, /after record \d+/);
    assert.match(jsonl.reason, /cut off.*\[E_TRUNCATED\]/);
    assert.ok(rowFrom('13-truncated.jsonl.gz').length >= 1);
    const warc = failuresOf('14-truncated.warc.gz');
    assert.ok(warc.length >= 1, JSON.stringify(summary.failures));
    assert.ok(warc.some((f) => /\[E_TRUNCATED\]/.test(f.reason)), JSON.stringify(warc));
    assert.ok(rowFrom('14-truncated.warc.gz').length >= 1);
  });

  it('refuses WARC records whose Content-Length is wrong', () => {
    assert.match(onlyFailure('15-truncated.warc').reason, /ends \d+ bytes before its Content-Length.*\[E_TRUNCATED\]/);
    assert.equal(rowFrom('15-truncated.warc').length, 1, 'the first record is kept');
    assert.match(onlyFailure('16-length-too-large.warc').reason, /before its Content-Length.*\[E_TRUNCATED\]/);
    assert.match(onlyFailure('17-length-too-small.warc').reason, /runs past its Content-Length.*\[E_TRUNCATED\]/);
    assert.equal(rowFrom('17-length-too-small.warc').length, 1, 'the record after the bad one is read');
  });

  it('refuses gzip bombs early', () => {
    for (const name of ['18-bomb.jsonl.gz', '19-bomb.warc.gz', '20-bomb.txt.gz', '21-body-bomb.warc']) {
      assert.match(onlyFailure(name).reason, /decompression bomb.*\[E_INPUT_TOO_LARGE\]/, name);
    }
  });

  it('refuses XML entity declarations in feeds', () => {
    assert.match(onlyFailure('22-billion-laughs.rss').reason, /ENTITY.*\[E_UNSAFE_INPUT\]/);
    assert.match(onlyFailure('23-external-entity.rss').reason, /ENTITY.*\[E_UNSAFE_INPUT\]/);
    assert.equal(rows().filter((r) => /lol|root:/.test(r.text)).length, 0);
  });

  it('reads a page nested 100,000 levels deep without the DOM', () => {
    assert.deepEqual(failuresOf('24-deep.html'), []);
    const [row] = rowFrom('24-deep.html');
    assert.ok(row);
    assert.equal(row.title, records[31]!.title);
    assert.ok(row.text.includes(records[31]!.text.trim().split('\n')[0]!.slice(0, 60)));
  });

  it('keeps scripts, handlers and javascript: links out of the store', () => {
    const [page] = rowFrom('25-script.html');
    assert.ok(page);
    assert.doesNotMatch(page.text, /HACKED|alert|onclick|onerror|javascript/);
    assert.equal(page.url, null);
    const feed = rowFrom('26-js-links.rss');
    assert.equal(feed.length, 2);
    for (const row of feed) assert.equal(row.url, null);
    assert.ok(!readFileSync(db).includes('javascript:alert'), 'no javascript: URL anywhere in the database');
  });

  it('stores and analyzes an article with a 100,000-letter token', () => {
    const [row] = rowFrom('27-long-token.txt');
    assert.ok(row);
    assert.equal(row.analyzed, 1);
  });

  it('marks text in other scripts and languages and does not analyze it', () => {
    const expected: Record<string, string> = { '28-english.txt': 'und-Latn', '29-russian.txt': 'und-Cyrl', '30-chinese.txt': 'und-Hani', '31-persian.txt': 'fa' };
    for (const [name, language] of Object.entries(expected)) {
      const [row] = rowFrom(name);
      assert.ok(row, name);
      assert.equal(row.language, language, name);
      assert.equal(row.analyzed, 0, name);
    }
    assert.equal(summary.notArabic, 4);
    assert.ok(rowFrom('000-good-first.txt')[0]!.analyzed === 1, 'Arabic articles are analyzed');
  });
});

