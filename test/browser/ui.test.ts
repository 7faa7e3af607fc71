/**
 * The web UI in a real browser against a real `rasd serve`: search, the reader with Peskov's quote, his actor
 * page, the graph, the timeline, a 360 px screen, the queue page, and an ingested article carrying script payloads that must
 * show as text and run nothing. Skipped only when Chromium is missing outside CI; in CI that fails.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  CHROMIUM_PATH,
  ensureWebBuild,
  ingestFiles,
  launchChromium,
  REPO_ROOT,
  type ServedStore,
  serveStore,
} from './harness.ts';

const chromiumMissing = !existsSync(CHROMIUM_PATH);
const skip = chromiumMissing && process.env.CI !== 'true' ? `Chromium not found at ${CHROMIUM_PATH}` : false;

// The server reports an (empty) ingest queue of its own on the local Redis, for the queue page.
const REDIS_URL = 'redis://127.0.0.1:6379';
const QUEUE_NAME = `rasd-ui-${process.pid}-${Date.now()}`;

const PAYLOAD_TITLE = 'اختبار أمان الواجهة';
const PAYLOAD_BODY = [
  'نشر موقع إخباري اليوم نصا يحتوي على شيفرة خبيثة في وسطه للتحقق من أمان الواجهة.',
  'الجملة الأولى فيها <script>alert(1)</script> ولا يجوز أن تنفذ.',
  'والجملة الثانية فيها <img src=x onerror="window.__pwned=1"> ولا يجوز أن تنفذ أيضا.',
].join('\n');

describe('web UI in Chromium', { skip, timeout: 120_000 }, () => {
  let workDir = '';
  let server: ServedStore | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    if (chromiumMissing) throw new Error(`Chromium is required in CI: not found at ${CHROMIUM_PATH}`);
    ensureWebBuild();
    workDir = mkdtempSync(join(tmpdir(), 'rasd-ui-'));
    const payloadFile = join(workDir, 'payload.txt');
    writeFileSync(payloadFile, `${PAYLOAD_TITLE}\n${PAYLOAD_BODY}\n`);
    const db = join(workDir, 'ui.db');
    // A few dated articles besides the (undated) seed, so the timeline has days to draw.
    ingestFiles(db, [
      join(REPO_ROOT, 'test', 'fixtures', 'seed', 'article.txt'),
      join(REPO_ROOT, 'test', 'fixtures', 'corpus', 'saudinewsnet-sample.jsonl'),
      payloadFile,
    ]);
    // The server loads the analyzer while Chromium starts; whichever started is stopped by after() on failure.
    const [served, launched] = await Promise.allSettled([
      serveStore(db, undefined, ['--queue', REDIS_URL, '--queue-name', QUEUE_NAME]),
      launchChromium(),
    ]);
    if (served.status === 'fulfilled') server = served.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (served.status === 'rejected') throw served.reason;
    if (launched.status === 'rejected') throw launched.reason;
    if (!browser) throw new Error('Chromium did not start');
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    const { queueAddress, removeQueue } = await import('../../src/queue/index.ts');
    await removeQueue(queueAddress(REDIS_URL, QUEUE_NAME)).catch(() => {});
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test("the built index.html has no inline script or style, as the server's CSP requires", () => {
    const html = readFileSync(join(REPO_ROOT, 'web', 'dist', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length > 0);
    for (const script of scripts) {
      assert.match(script[0], /\ssrc=/, 'every script is a file');
      assert.equal(script[1]?.trim(), '', 'no script has inline code');
    }
    assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/i);
  });

  test('the UI is right-to-left Arabic and searching an Arabic word lists the seed article', async () => {
    await page.goto(`${server!.url}/`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    await page.fill('.top-search input', 'الكرملين');
    await page.press('.top-search input', 'Enter');
    await page.waitForSelector('.hit');
    assert.match(page.url(), /#\/search\?q=/);
    assert.ok(
      (await page.locator('.hit mark').count()) > 0,
      'the matched word is highlighted in the results',
    );
  });

  test("the seed article opens in the reader with Peskov's quote highlighted and his name shown", async () => {
    await page.locator('.hit-title', { hasText: 'موسكو مستعدة' }).first().click();
    await page.waitForSelector('.reader-text');
    assert.match(page.url(), /#\/article\//);
    await page.waitForSelector('.headline-check');
    assert.ok((await page.locator('.reader-text .hl.l-quote').count()) > 0, 'quotes are highlighted');
    await page.locator('.reader-text .hl.l-speaker', { hasText: 'بيسكوف' }).first().click();
    const detail = page.locator('.selection-detail');
    await detail.locator('.quote-detail').waitFor();
    assert.match((await detail.textContent()) ?? '', /بيسكوف/);
    // The quote he is credited with lights up in the text along with his name.
    const lit = (await page.locator('.reader-text .hl.l-quote.selected').allTextContents()).join('');
    assert.match(lit, /لم يتم/);
    assert.match((await detail.locator('a.actor-link').first().getAttribute('href')) ?? '', /dmitry-peskov/);
  });

  test("Peskov's actor page lists his quotes", async () => {
    await page.locator('.selection-detail a.actor-link').first().click();
    await page.waitForSelector('.actor-header h1');
    assert.match(decodeURIComponent(page.url()), /#\/actor\/actor:dmitry-peskov/);
    assert.match((await page.textContent('.actor-header h1')) ?? '', /Peskov|بيسكوف/);
    assert.ok((await page.locator('.quote-timeline blockquote').count()) > 0, 'his quotes are listed');
  });

  test('the graph draws actors and the timeline draws a chart', async () => {
    await page.goto(`${server!.url}/#/graph`);
    await page.waitForSelector('.graph[data-nodes]');
    assert.ok(Number(await page.getAttribute('.graph', 'data-nodes')) > 1, 'the graph has actors');
    await page.goto(`${server!.url}/#/timeline`);
    await page.waitForSelector('.chart canvas');
  });

  test('a pasted article is analyzed and shown in the reader without being stored', async () => {
    const before = (await (await fetch(`${server!.url}/api/stats`)).json()) as { articles: number };
    await page.goto(`${server!.url}/#/analyze`);
    await page.fill(
      '.analyze-form textarea',
      'وقال المتحدث باسم الكرملين دميتري بيسكوف للصحافيين: «لا اتفاق مع أحد».',
    );
    await page.click('.analyze-form button[type=submit]');
    await page.locator('.reader-text .hl.l-speaker', { hasText: 'بيسكوف' }).first().waitFor();
    const after = (await (await fetch(`${server!.url}/api/stats`)).json()) as { articles: number };
    assert.equal(after.articles, before.articles);
  });

  test("the integrity view lists sources and the seed's mismatched headline", async () => {
    await page.goto(`${server!.url}/#/integrity`);
    await page.waitForSelector('.integrity-page table');
    assert.match((await page.textContent('.integrity-page')) ?? '', /موسكو مستعدة/);
  });

  test('an ingested article with <script> and onerror= payloads shows them as text and runs nothing', async () => {
    await page.goto(`${server!.url}/#/search?q=${encodeURIComponent('أمان الواجهة')}`);
    await page.locator('.hit-title').first().click();
    await page.waitForSelector('.reader-text');
    const text = (await page.textContent('.reader-text')) ?? '';
    assert.ok(text.includes('<script>alert(1)</script>'), 'the script tag is visible as text');
    assert.ok(text.includes('onerror="window.__pwned=1"'), 'the onerror attribute is visible as text');
    assert.equal(await page.locator('.reader-text script, .reader-text img').count(), 0);
    assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined');
    assert.deepEqual(dialogs, []);
  });

  test('at 360 px the reader fits the screen without sideways scrolling', async () => {
    const narrow = await browser!.newPage({ viewport: { width: 360, height: 740 } });
    try {
      await narrow.goto(page.url());
      await narrow.waitForSelector('.reader-text');
      const width = Number(await narrow.evaluate('document.documentElement.scrollWidth'));
      assert.ok(width <= 360, `page is ${width} px wide`);
    } finally {
      await narrow.close();
    }
    assert.deepEqual(pageErrors, []);
  });

  test("the trends page lists each day's most carried stories", async () => {
    await page.goto(`${server!.url}/#/trends`);
    await page.locator('.trend-day').first().waitFor();
    assert.ok((await page.locator('.trend-story').count()) > 0, 'stories are listed under their day');
    assert.match((await page.locator('.trend-story a').first().getAttribute('href')) ?? '', /#\/article\//);
  });

  test('a watchlist made in the form catches a story ingested afterwards and shows the alert with its reason', async () => {
    await page.goto(`${server!.url}/#/watchlists`);
    const form = page.locator('#watchlist-form');
    await form.locator('input[name=name]').fill('تصريحات بيسكوف');
    await form.locator('input[name=speaker]').fill('بيسكوف');
    await form.locator('button[type=submit]').click();
    const item = page.locator('.watchlist-item', { hasText: 'تصريحات بيسكوف' });
    await item.waitFor();
    assert.match((await item.locator('.atom-link').getAttribute('href')) ?? '', /\/api\/watchlists\/[^/]+\/atom$/);
    // Another outlet republishes the seed story: one alert for the story, explained by Peskov's quote.
    const seed = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'seed', 'article.txt'), 'utf8');
    const ingested = await fetch(`${server!.url}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: seed, url: 'https://republisher.example/kim-putin', title: 'كيم في روسيا' }),
    });
    assert.equal(ingested.status, 200, await ingested.text());
    await page.reload();
    const alert = page.locator('.alert-item').first();
    await alert.waitFor();
    assert.ok(((await alert.locator('.match-reason').first().textContent()) ?? '').length > 0, 'the alert says why it matched');
    assert.equal(await page.locator('.alert-item').count(), 1);
  });

  test('a write token typed in the form is sent with the write, as a server beyond loopback needs', async () => {
    await page.goto(`${server!.url}/#/watchlists`);
    const form = page.locator('#watchlist-form');
    await form.locator('input[name=token]').fill('ui-write-token');
    await form.locator('input[name=name]').fill('نفط');
    await form.locator('input[name=text]').fill('النفط');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/watchlists') && r.method() === 'POST');
    await form.locator('button[type=submit]').click();
    assert.equal((await sent).headers().authorization, 'Bearer ui-write-token');
    await page.locator('.watchlist-item', { hasText: 'نفط' }).waitFor();
  });

  test('a source added in the monitoring page appears in the health table and can be removed', async () => {
    await page.goto(`${server!.url}/#/watchlists`);
    const form = page.locator('#source-form');
    await form.locator('input[name=url]').fill('https://news.example/rss.xml');
    await form.locator('select[name=every]').selectOption('30m');
    await form.locator('button[type=submit]').click();
    const row = page.locator('.source-row', { hasText: 'https://news.example/rss.xml' });
    await row.waitFor();
    await row.locator('.remove-source').click();
    await row.waitFor({ state: 'detached' });
  });

  test('the queue page shows the attached ingest queue, its workers and its dead-letter list', async () => {
    await page.goto(`${server!.url}/#/queue`);
    await page.getByText(QUEUE_NAME).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const heading of ['الحالة', 'العمّال', 'في الانتظار', 'المهام الفاشلة'])
      assert.ok(text.includes(heading), heading);
  });
});
