import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeWeb, detectCharset } from './charset.ts';
import { parseDate } from './dates.ts';
import { formatFromName, sniffFormat } from './detect-format.ts';
import { htmlToLines } from './html/blocks.ts';
import { jsonlFields } from './jsonl.ts';
import { markdownToText } from './markdown.ts';
import { isPrivateAddress } from './private-address.ts';

describe('ingest helpers', () => {
  it('parses publication dates as feeds and pages write them', () => {
    assert.equal(parseDate('Mon, 06 Sep 2021 16:45:00 +0300'), '2021-09-06T13:45:00.000Z');
    assert.equal(parseDate('2015-07-26 16:55:56'), '2015-07-26T16:55:56.000Z');
    assert.equal(parseDate('الاثنين ٦ سبتمبر ٢٠٢١'), '2021-09-06');
    assert.equal(parseDate('6 أيلول 2021'), '2021-09-06');
    assert.equal(parseDate('قريبا'), undefined);
  });

  it('picks the charset from BOM, header, then meta', () => {
    const cp1256 = Uint8Array.from([0xe3, 0xd1, 0xcd, 0xc8, 0xc7]); // مرحبا in windows-1256
    assert.equal(decodeWeb(cp1256, 'text/html; charset=windows-1256'), 'مرحبا');
    const meta = new TextEncoder().encode('<html><head><meta charset="windows-1256"></head>');
    assert.equal(detectCharset(meta), 'windows-1256');
    assert.equal(detectCharset(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), 'text/html; charset=windows-1256'), 'utf-8');
  });

  it('keeps one line per block when turning HTML into text', () => {
    assert.equal(htmlToLines('<p>قال إن غزة.</p><p>وأضاف <b>المتحدث</b></p><script>x()</script><ul><li>أ</li><li>ب</li></ul>'), 'قال إن غزة.\nوأضاف المتحدث\nأ\nب');
  });

  it('reduces Markdown to its words', () => {
    assert.equal(markdownToText('# عنوان\n**نص** [رابط](http://x) ![صورة](a.png)\n- بند'), 'عنوان\nنص رابط \nبند');
  });

  it('refuses loopback, private and link-local addresses', () => {
    for (const address of ['127.0.0.1', '10.0.0.8', '172.16.4.4', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1']) {
      assert.equal(isPrivateAddress(address), true, address);
    }
    assert.equal(isPrivateAddress('93.184.216.34'), false);
    assert.equal(isPrivateAddress('2606:4700::1111'), false);
  });

  it('detects formats from names and first bytes', () => {
    assert.equal(formatFromName('x/crawl.warc.gz'), 'warc');
    assert.equal(formatFromName('dump.jsonl.gz'), 'jsonl');
    assert.equal(sniffFormat(new TextEncoder().encode('<?xml version="1.0"?><rss version="2.0">')), 'feed');
    assert.equal(sniffFormat(new TextEncoder().encode('<!DOCTYPE html><html>')), 'html');
    assert.equal(sniffFormat(new TextEncoder().encode('{"text": "نص"}')), 'jsonl');
    assert.equal(sniffFormat(new TextEncoder().encode('عنوان\nنص')), 'text');
  });

  it('takes JSONL field names from --field overrides', () => {
    assert.deepEqual(jsonlFields(['date=date_extracted,published']).date, ['date_extracted', 'published']);
    assert.throws(() => jsonlFields(['nope=x']), /bad --field/);
  });
});
