/**
 * Makes the README's screenshots with the project's own server and UI: a temporary store filled with the seed
 * and a few hundred SaudiNewsNet articles from ../shared (the test fixtures when it is absent), `rasd serve`,
 * and Chromium at 1440 px (reader, actor page, graph, trends, watchlists with their alerts) and 360 px (reader).
 * Run: `npm run screenshots` → docs/screenshots/{reader,actor,graph,trends,watchlists,reader-360}.png.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildWeb, ingestFiles, launchChromium, REPO_ROOT, serveStore } from '../test/browser/harness.ts';

const SHARED = join(REPO_ROOT, '..', 'shared');
const CORPUS_SAMPLE = join(SHARED, 'corpus', 'saudinewsnet', 'sample-500.jsonl');
const ARTICLES_FROM_CORPUS = Number(process.env.RASD_SCREENSHOT_ARTICLES ?? 300);
const OUT_DIR = join(REPO_ROOT, 'docs', 'screenshots');
const PESKOV = 'actor:dmitry-peskov';

/** The files to ingest: the seed first, then corpus articles (cut to the wanted number) or the fixtures. */
function inputFiles(workDir: string): string[] {
  const seed = join(REPO_ROOT, 'test', 'fixtures', 'seed', 'article.txt');
  if (!existsSync(CORPUS_SAMPLE)) {
    console.log('../shared not found: using the test fixtures');
    return [
      seed,
      join(REPO_ROOT, 'test', 'fixtures', 'corpus', 'saudinewsnet-sample.jsonl'),
      join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'corpus-40.jsonl'),
    ];
  }
  const lines = readFileSync(CORPUS_SAMPLE, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const cut = join(workDir, 'corpus.jsonl');
  writeFileSync(cut, `${lines.slice(0, ARTICLES_FROM_CORPUS).join('\n')}\n`);
  return [seed, cut];
}

async function findSeedArticle(url: string): Promise<string> {
  const response = await fetch(`${url}/api/search?q=${encodeURIComponent('بيسكوف')}&limit=1`);
  const body = (await response.json()) as { hits: { articleId: string }[] };
  const hit = body.hits[0];
  if (!hit) throw new Error('the seed article is not in the store');
  return hit.articleId;
}

async function shootReader(page: Page, url: string, articleId: string, file: string): Promise<void> {
  await page.goto(`${url}/#/article/${articleId}`);
  await page.waitForSelector('.reader-text');
  const speaker = page.locator('.reader-text .hl.l-speaker', { hasText: 'بيسكوف' }).first();
  await speaker.click();
  await page.locator('.selection-detail .quote-detail').waitFor();
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: file });
}

/** Two watchlists, then a republished copy of the seed story through the API: it raises their alerts. */
async function makeAlerts(url: string): Promise<void> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  await post('/api/watchlists', { name: 'تصريحات بيسكوف', query: { speaker: 'بيسكوف' } });
  await post('/api/watchlists', { name: 'لقاءات روسيا', query: { eventTypes: ['CONSULT'], eventSource: 'RUS' }, webhook: { url: 'http://127.0.0.1:9/hook' } });
  const seed = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'seed', 'article.txt'), 'utf8');
  await post('/api/ingest', { text: seed, url: 'https://republisher.example/kim-putin', title: 'كيم جونغ أون في روسيا', publishedAt: '2023-09-15' });
}

async function main(): Promise<void> {
  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'rasd-shots-'));
  mkdirSync(OUT_DIR, { recursive: true });
  const server = { stop: async () => {} };
  const browser = await launchChromium();
  try {
    buildWeb();
    const db = join(workDir, 'shots.db');
    const files = inputFiles(workDir);
    console.log(`ingesting ${files.length} inputs…`);
    ingestFiles(db, files);
    const served = await serveStore(db);
    server.stop = served.stop;
    const articleId = await findSeedArticle(served.url);

    const wide = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await shootReader(wide, served.url, articleId, join(OUT_DIR, 'reader.png'));

    await wide.goto(`${served.url}/#/actor/${encodeURIComponent(PESKOV)}`);
    await wide.waitForSelector('.actor-header h1');
    await wide.waitForTimeout(500);
    await wide.screenshot({ path: join(OUT_DIR, 'actor.png') });

    await wide.goto(`${served.url}/#/graph`);
    await wide.waitForSelector('.graph[data-nodes]');
    await wide.waitForTimeout(1000);
    await wide.locator('.graph').scrollIntoViewIfNeeded();
    await wide.screenshot({ path: join(OUT_DIR, 'graph.png') });

    await wide.goto(`${served.url}/#/trends`);
    await wide.waitForSelector('.trend-day');
    await wide.screenshot({ path: join(OUT_DIR, 'trends.png') });

    await makeAlerts(served.url);
    await wide.goto(`${served.url}/#/watchlists`);
    await wide.waitForSelector('.alert-item');
    await wide.screenshot({ path: join(OUT_DIR, 'watchlists.png') });

    const narrow = await browser.newPage({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2 });
    await narrow.goto(`${served.url}/#/article/${articleId}`);
    await narrow.waitForSelector('.reader-text');
    await narrow.screenshot({ path: join(OUT_DIR, 'reader-360.png') });
    console.log(`wrote ${OUT_DIR}/{reader,actor,graph,trends,watchlists,reader-360}.png in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
