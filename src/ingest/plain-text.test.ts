import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RasdError } from '../core/errors.ts';
import { seedText } from '../../test/fixtures.ts';
import { decodeUtf8, firstInvalidUtf8Byte, parsePlainText } from './plain-text.ts';

describe('parsePlainText', () => {
  it('takes a title-like first line as the given title and records where the body starts', () => {
    const text = seedText();
    const article = parsePlainText(text, { kind: 'file', location: 'article.txt' });
    assert.equal(article.title, 'موسكو مستعدة لتمديد اتفاق الرحلات الفضائية المشتركة مع واشنطن');
    assert.ok(article.rawText.startsWith('[ad_1]'));
    assert.equal(text.slice(article.source.bodyOffset), article.rawText);
  });

  it('keeps a first line that is a sentence in the body', () => {
    const article = parsePlainText('قال الوزير إن الاجتماع انتهى.\nوأضاف أن النتائج جيدة.\nوختم.', { kind: 'inline' });
    assert.equal(article.title, undefined);
    assert.ok(article.rawText.startsWith('قال الوزير'));
  });

  it('keeps a one-line text whole', () => {
    assert.equal(parsePlainText('عنوان فقط', { kind: 'inline' }).title, undefined);
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    assert.equal(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('نص')]), 'a.txt'), 'نص');
  });

  it('names the file and the byte offset of invalid UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('نص '), 0xd8, 0x41]);
    assert.equal(firstInvalidUtf8Byte(bytes), 5);
    assert.throws(
      () => decodeUtf8(bytes, 'bad.txt'),
      (e: unknown) => e instanceof RasdError && e.code === 'E_INVALID_UTF8' && e.place.byteOffset === 5 && e.message.includes('bad.txt'),
    );
  });

  it('finds windows-1256 bytes as invalid UTF-8 at the first Arabic letter', () => {
    // "قال" in windows-1256.
    assert.equal(firstInvalidUtf8Byte(new Uint8Array([0x41, 0x20, 0xde, 0xc7, 0xe1])), 2);
  });

  it('refuses binary data, naming the NUL byte', () => {
    assert.throws(
      () => decodeUtf8(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), 'a.out'),
      (e: unknown) => e instanceof RasdError && e.code === 'E_BINARY_INPUT' && e.place.byteOffset === 7,
    );
  });
});
