import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { normalizeArabic } from '../../src/text/normalize.ts';
import type { IngestSummary } from '../../src/ingest/pipeline.ts';
import { atomFeed, corpus, ensureDir, FIXTURES, rasd, rasdRun, rssFeed, tempDir, writeWarcGz } from './helpers.ts';

const records = corpus();
const page = (name: string) => readFileSync(join(FIXTURES, 'pages', name));

describe('rasd ingest on real files (integration)', () => {
  const dir = tempDir();
  const inputs = ensureDir(join(dir, 'inputs'));
  const db = join(dir, 'rasd.db');
  let server: Server;
  let base = '';
  let first: IngestSummary;

  before(async () => {
    // Two real pages reachable only through a summary-only Atom feed, served from this process.
    server = createServer((req, res) => {
      const name = req.url === '/a/sputnik' ? 'sputnik-arabic.html' : req.url === '/a/youm7' ? 'youm7.html' : undefined;
      if (name === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(name));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    copyFileSync(join(FIXTURES, 'seed-article.txt'), join(inputs, 'seed.txt'));
    copyFileSync(join(FIXTURES, 'pages', 'cnn-arabic.html'), join(inputs, 'cnn.html'));
    writeFileSync(join(inputs, 'dump.jsonl'), records.slice(0, 25).map((r) => JSON.stringify(r)).join('\n'));
    writeFileSync(join(inputs, 'news.rss'), rssFeed(records.slice(25, 35)));
    const story = records[35]!;
    writeFileSync(join(inputs, 'story.md'), `# ${story.title}\n\n${story.text}\n`);
    writeFileSync(
      join(inputs, 'summaries.atom'),
      atomFeed([
        { title: 'مصر تسجل 30 إصابة جديدة', url: `${base}/a/sputnik`, summary: 'أعلنت وزارة الصحة…', published: '2020-03-17T17:27:00Z' },
        { title: 'وزير الري يشهد توقيع عقد', url: `${base}/a/youm7`, summary: 'شهد وزير الري…', published: '2020-08-24T10:00:00Z' },
      ]),
    );
    // An autoblog's copy of record 0: another title, an ad shortcode, a "Source link" footer.
    const original = records[0]!;
    writeFileSync(join(inputs, 'zz-autoblog.txt'), `خبر عاجل ومثير عن الهلال\n[ad_1]\n${original.text.trim()}\n[ad_2]\nSource link\n`);
    // A lightly edited rewrite of record 1 (a sentence dropped, a word changed): a near duplicate.
    const edited = records[1]!.text.trim().split('\n');
    writeFileSync(join(inputs, 'zz-rewrite.txt'), `نسخة معدلة\n${edited.slice(0, -1).join('\n').replace(/ في /, ' ضمن ')}\nتابعونا على تويتر\n`);

    const run = await rasdRun(['ingest', inputs, '--db', db, '--allow-private', '--json', '--field', 'date=date_extracted']);
    assert.equal(run.status, 0, run.stderr);
    first = JSON.parse(run.stdout) as IngestSummary;
  });

  after(() => server.close());

  it('ingests every source kind and reports what it did', () => {
    assert.deepEqual(first.failures, []);
    // seed + cnn + 25 jsonl + 10 rss + markdown + 2 fetched pages = 40 new; the two copies join clusters.
    assert.equal(first.new, 40);
    assert.equal(first.duplicates + first.nearDuplicates, 2);
    assert.equal(first.nearDuplicates >= 1, true);
  });

  it('keeps metadata from each source', async () => {
    const store = await openSqliteStore(db);
    try {
      const hits = await store.search({ text: 'معارضون يسيطرون', limit: 5 });
      const cnn = await store.getArticle(hits[0]!.articleId);
      assert.equal(cnn?.url, 'http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html');
      assert.equal(cnn?.language, 'ar');
      const rss = await store.getArticle((await store.search({ text: `"${records[30]!.title}"` }))[0]!.articleId);
      assert.equal(rss?.source.kind, 'feed');
      assert.equal(rss?.url, records[30]!.url);
      assert.match(rss?.publishedAt ?? '', /^2015-/);
      // The summary-only feed item was fetched and extracted; the page's canonical URL replaces the link.
      const fetched = await store.search({ text: 'كورونا', source: 'sputniknews.com' });
      assert.equal(fetched.length, 1);
      assert.match(fetched[0]!.snippet.text, /كورونا/);
      assert.equal((await store.getArticle(fetched[0]!.articleId))?.source.kind, 'feed');
      const jsonl = await store.getArticle((await store.search({ text: `"${records[3]!.title}"` }))[0]!.articleId);
      assert.equal(jsonl?.publishedAt, `${records[3]!.date_extracted.replace(' ', 'T')}.000Z`);
      assert.equal(jsonl?.outlet, records[3]!.source);
    } finally {
      await store.close();
    }
  });

  it('puts a republished copy with a new title and boilerplate in the original\'s cluster, keeping both URLs', async () => {
    const store = await openSqliteStore(db);
    try {
      const [hit] = await store.search({ text: `"${records[0]!.title}"` });
      const cluster = await store.getCluster(hit!.articleId);
      assert.deepEqual(cluster?.sightings.map((s) => s.source.url ?? s.source.location?.replace(/.*\//, '')), [records[0]!.url, 'zz-autoblog.txt']);
      const rewrite = await store.getCluster((await store.search({ text: `"${records[1]!.title}"` }))[0]!.articleId);
      assert.equal(rewrite?.sightings[1]?.relation, 'near');
      assert.ok((rewrite?.sightings[1]?.similarity ?? 0) >= 0.5);
    } finally {
      await store.close();
    }
  });

  it('finds an article whatever the hamza, ta marbuta and diacritics of the query', () => {
    for (const query of ['"مصنعا لإنتاج طائرات مقاتلة"', '"مصنعا لانتاج طاءرات مقاتله"', 'مَصْنَعًا لِإِنْتَاجِ طائراتٍ مُقَاتِلَةٍ']) {
      const run = rasd(['search', query, '--json'], { RASD_DB: db });
      assert.equal(run.status, 0, run.stderr);
      const hits = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
      assert.equal(hits.length, 1, query);
      assert.match(hits[0].title, /موسكو مستعدة/);
      const h = hits[0].snippet.highlights[0];
      // Highlights cover the words as written in the article, whatever the query's spelling.
      assert.match(normalizeArabic(hits[0].snippet.text.slice(h.start, h.end)), /^مصنعا/);
    }
  });

  it('adds nothing when the same inputs are ingested again', async () => {
    const run = await rasdRun(['ingest', inputs, '--db', db, '--allow-private', '--json', '--field', 'date=date_extracted']);
    assert.equal(run.status, 0, run.stderr);
    const again = JSON.parse(run.stdout) as IngestSummary;
    assert.equal(again.new + again.duplicates + again.nearDuplicates, 0);
    assert.equal(again.unchanged, 42);
  });

  it('exports articles and quotes as CSV and JSONL', () => {
    const csv = rasd(['export', '--format', 'csv', '--db', db]);
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(csv.stdout, /^id,title,publishedAt,author,language,url,outlet,sightings,sources,text\r\n/);
    const jsonl = rasd(['export', '--format', 'jsonl', '--what', 'articles', '--db', db]).stdout.trim().split('\n');
    assert.equal(jsonl.length, 40);
    const quotes = rasd(['export', '--what', 'quotes', '--db', db]);
    assert.equal(quotes.status, 0, quotes.stderr);
  });

  it('reads WARC.gz response records into articles keeping record id and target URI', async () => {
    const warc = join(dir, 'pages.warc.gz');
    await writeWarcGz(warc, [
      { url: 'https://arabic.cnn.com/syria', html: page('cnn-arabic.html') },
      { url: 'https://www.youm7.com/story/1', html: page('youm7.html') },
    ]);
    const warcDb = join(dir, 'warc.db');
    const run = await rasdRun(['ingest', warc, '--db', warcDb, '--json', '--no-analyze']);
    assert.equal(run.status, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as IngestSummary;
    assert.equal(summary.new, 2);
    assert.equal(summary.skipped, 3, 'warcinfo and request records');
    const store = await openSqliteStore(warcDb);
    try {
      const [hit] = await store.search({ text: 'معارضون يسيطرون' });
      const article = await store.getArticle(hit!.articleId);
      assert.equal(article?.source.kind, 'warc');
      assert.equal(article?.url, 'https://arabic.cnn.com/syria');
      assert.match(article?.source.warcRecordId ?? '', /^<urn:uuid:/);
    } finally {
      await store.close();
    }
  });

  it('reads plain text from stdin', () => {
    const run = rasd(['ingest', '-', '--db', join(dir, 'stdin.db'), '--json', '--no-analyze'], {}, readFileSync(join(FIXTURES, 'seed-article.txt'), 'utf8'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).new, 1);
  });

  it('refuses loopback addresses unless allowed, and names the input', async () => {
    const run = await rasdRun(['ingest', `${base}/a/youm7`, '--db', join(dir, 'refuse.db'), '--json']);
    const summary = JSON.parse(run.stdout) as IngestSummary;
    assert.equal(summary.new, 0);
    assert.match(summary.failures[0]!.reason, /refusing private or loopback address 127\.0\.0\.1/);
    assert.equal(run.status, 1);
  });
});
