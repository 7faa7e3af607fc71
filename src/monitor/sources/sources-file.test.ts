import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseInterval, parseSourcesText, readSourcesFile } from './sources-file.ts';

describe('sources files', () => {
  it('parses intervals in seconds, minutes, hours and days', () => {
    assert.equal(parseInterval('15m'), 900_000);
    assert.equal(parseInterval('30s'), 30_000);
    assert.equal(parseInterval(' 1H '), 3_600_000);
    assert.equal(parseInterval('1.5h'), 5_400_000);
    assert.equal(parseInterval('2d'), 172_800_000);
  });

  it('rejects nonsense intervals with a clear error', () => {
    for (const bad of ['', '15', 'm', '15 minutes', '-5m', '0s', '0.1s', 'Infinityd', '1e3s']) {
      assert.throws(() => parseInterval(bad), /bad interval .*e\.g\. 30s, 15m.*\[E_USAGE\]/, bad);
    }
  });

  it('reads a plain list with optional intervals and comments', () => {
    const text =
      '# Arabic news\nhttps://a.example/rss\n\n  https://b.example/sitemap.xml 1h  # hourly\nhttps://c.example/feed#main 30s\n';
    assert.deepEqual(parseSourcesText(text, 'list.txt'), [
      { url: 'https://a.example/rss' },
      { url: 'https://b.example/sitemap.xml', everyMs: 3_600_000 },
      { url: 'https://c.example/feed#main', everyMs: 30_000 },
    ]);
    assert.throws(
      () => parseSourcesText('https://a/rss\nftp://b/rss', 'list.txt'),
      /list\.txt, record 2: expected "URL \[interval\]"/,
    );
    assert.throws(
      () => parseSourcesText('https://a/rss every', 'list.txt'),
      /list\.txt, record 1: bad interval "every"/,
    );
  });

  it('reads every feed of an OPML file, nested folders included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-sources-'));
    try {
      const path = join(dir, 'feeds.opml');
      writeFileSync(
        path,
        `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>أخبار</title></head><body>
  <outline text="الخليج"><outline text="سبق" title="صحيفة سبق" type="rss" xmlUrl="https://sabq.example/rss"/>
    <outline text="deeper"><outline text="عكاظ" xmlUrl="https://okaz.example/feed"/></outline></outline>
  <outline text="no feed here" htmlUrl="https://x.example/"/>
  <outline text="الجزيرة" xmlUrl="https://aljazeera.example/rss"/>
</body></opml>`,
      );
      assert.deepEqual(await readSourcesFile(path), [
        { url: 'https://sabq.example/rss', name: 'صحيفة سبق' },
        { url: 'https://okaz.example/feed', name: 'عكاظ' },
        { url: 'https://aljazeera.example/rss', name: 'الجزيرة' },
      ]);
      await assert.rejects(
        readSourcesFile(join(dir, 'missing.txt')),
        /cannot read sources file.*\[E_NOT_FOUND\]/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
