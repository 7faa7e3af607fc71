import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { decodeWeb } from './charset.ts';
import { unsafeXmlReason } from './feed.ts';
import { nestsDeeperThan } from './html/depth.ts';
import { scanHtmlText } from './html/scan-text.ts';
import { inflateDocument } from './inflate.ts';
import { isScriptUrl } from './jsonl.ts';
import { DEFAULT_INPUT_LIMITS } from './limits.ts';
import { splitLines } from './lines.ts';
import { guessScript } from './script.ts';
import { decodeTextFile } from './text-decode.ts';

const CP1256_MARHABA = Uint8Array.from([0xe3, 0xd1, 0xcd, 0xc8, 0xc7, 0x20, 0xc8, 0xc7, 0xe1, 0xda, 0xc7, 0xe1, 0xe3]); // مرحبا بالعالم

describe('ingest defences', () => {
  it('decodes undeclared windows-1256 and refuses what is neither encoding', () => {
    assert.deepEqual(decodeTextFile(CP1256_MARHABA, 'a.txt'), { text: 'مرحبا بالعالم', charset: 'windows-1256' });
    assert.equal(decodeWeb(CP1256_MARHABA), 'مرحبا بالعالم');
    assert.throws(() => decodeTextFile(Uint8Array.from([0x41, 0x80, 0x82]), 'b.txt'), /b\.txt, byte 1: invalid UTF-8.*\[E_INVALID_UTF8\]/);
    assert.throws(() => decodeTextFile(Uint8Array.from([0x41, 0, 0x42]), 'c.txt'), /c\.txt, byte 1: binary data.*\[E_BINARY_INPUT\]/);
  });

  it('guesses the script and Persian or Urdu from the letters', () => {
    assert.equal(guessScript('قال المتحدث باسم الكرملين إن المحادثات ستستمر الأسبوع المقبل').language, 'ar');
    assert.equal(guessScript('The Kremlin spokesman said the talks would go on next week').language, 'und-Latn');
    assert.equal(guessScript('سخنگوی کرملین گفت که گفتگوها هفته آینده ادامه خواهد یافت').language, 'fa');
    assert.equal(guessScript('ok').arabic, true, 'too short to judge');
  });

  it('finds deep nesting without a DOM and reads such pages by a scan', () => {
    assert.equal(nestsDeeperThan(`${'<div>'.repeat(600)}x${'</div>'.repeat(600)}`, 512), true);
    assert.equal(nestsDeeperThan(`<div>${'<p>a'.repeat(2000)}</div><script>${'<div>'.repeat(900)}</script>`, 512), false);
    assert.equal(scanHtmlText('<div><p>أ &amp; ب</p><script>alert(1)</script><p onclick="x()">ج&#0;</p></div>'), 'أ & ب\nج\uFFFD');
  });

  it('refuses entity declarations in feeds but not a plain public DOCTYPE', () => {
    assert.match(unsafeXmlReason('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><rss/>') ?? '', /ENTITY/);
    assert.match(unsafeXmlReason('<!DOCTYPE rss SYSTEM "http://x/rss.dtd"><rss/>') ?? '', /SYSTEM/);
    assert.equal(unsafeXmlReason('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/rss-0.91.dtd"><rss/>'), undefined);
    assert.equal(unsafeXmlReason('<rss><item><description>&lt;!ENTITY x&gt;</description></item></rss>'), undefined);
  });

  it('refuses a gzip document that expands past the cap', () => {
    const bomb = gzipSync(Buffer.alloc(4 << 20));
    const limits = { ...DEFAULT_INPUT_LIMITS, expansionGraceBytes: 1 << 20 };
    assert.throws(() => inflateDocument(bomb, 'x.txt.gz', 32 << 20, limits), /decompression bomb \[E_INPUT_TOO_LARGE\]/);
    assert.throws(() => inflateDocument(gzipSync(Buffer.from('abc')).subarray(0, 10), 'y.txt.gz', 1 << 20, limits), /\[E_TRUNCATED\]/);
  });

  it('skips an over-long line without holding it and keeps counting', async () => {
    const chunks = [Buffer.from('ab\n'), Buffer.alloc(100, 0x61), Buffer.alloc(100, 0x61), Buffer.from('\r\ncd')];
    const lines = [];
    for await (const line of splitLines(chunks, 50)) lines.push(line.kind === 'line' ? [line.number, line.offset, Buffer.from(line.bytes).toString()] : [line.number, line.offset, line.length]);
    assert.deepEqual(lines, [[1, 0, 'ab'], [2, 3, 201], [3, 205, 'cd']]);
  });

  it('recognizes script and data URLs, however disguised', () => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:x', 'java\tscript:x', 'data:text/html,x', 'file:///etc/passwd']) assert.equal(isScriptUrl(url), true, url);
    assert.equal(isScriptUrl('https://example.com/javascript:x'), false);
  });
});
