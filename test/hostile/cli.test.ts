import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { IngestSummary } from '../../src/ingest/pipeline.ts';
import { corpus, rasd, tempDir } from '../integration/helpers.ts';

const records = corpus();

describe('hostile input on stdin and to analyze (through the CLI)', () => {
  const dir = tempDir();

  it('refuses oversized stdin and keeps the store', () => {
    const db = join(dir, 'stdin.db');
    const good = join(dir, 'good.txt');
    writeFileSync(good, `${records[0]!.title}\n${records[0]!.text}`);
    assert.equal(rasd(['ingest', good, '--db', db, '--json', '--no-analyze']).status, 0);
    const run = rasd(['ingest', '-', '--db', db, '--json', '--no-analyze'], {}, 'ب'.repeat(17 << 20)); // 34 MB of UTF-8
    const summary = JSON.parse(run.stdout) as IngestSummary;
    assert.match(summary.failures[0]!.reason, /stdin: larger than 33554432 bytes \[E_INPUT_TOO_LARGE\]/);
    assert.equal(run.status, 1);
    const search = rasd(['search', `"${records[0]!.title}"`, '--json', '--db', db]);
    assert.equal(search.stdout.trim().split('\n').length, 1, search.stderr);
  });

  it('finds names through bidi overrides and zero-width joiners', () => {
    const plain =
      'قال الرئيس الروسي فلاديمير بوتين إن العلاقات مع الصين قوية. وأضاف بوتين أن التعاون سيستمر.';
    const hostile = plain
      .replace('فلاديمير بوتين', '\u202eفلاديمير بو\u200dتين\u202c')
      .replace('وأضاف بوتين', 'وأضاف بو\u200bتين');
    const file = join(dir, 'bidi.txt');
    writeFileSync(file, hostile);
    const run = rasd(['analyze', file]);
    assert.equal(run.status, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as {
      annotations: {
        entities: { id: string }[];
        mentions: { entityId?: string; start: number; end: number }[];
      };
      article: { cleanText: string };
    };
    assert.ok(
      doc.annotations.entities.some((e) => e.id === 'actor:vladimir-putin'),
      JSON.stringify(doc.annotations.entities),
    );
    // Spans still slice the text exactly, invisible characters included.
    for (const m of doc.annotations.mentions)
      assert.ok(m.start >= 0 && m.end <= doc.article.cleanText.length && m.start < m.end);
  });

  it('refuses invalid UTF-8 and NUL bytes given to analyze, naming the file and byte', () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.concat([Buffer.from('نص '), Buffer.from([0xff]), Buffer.from(' نص')]));
    const run = rasd(['analyze', bad]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /bad\.txt, byte 5: invalid UTF-8 \[E_INVALID_UTF8\]/);
    const nul = join(dir, 'nul.txt');
    writeFileSync(nul, Buffer.concat([Buffer.from('نص '.repeat(5000)), Buffer.from([0]), Buffer.from('نص')]));
    const binary = rasd(['analyze', nul]);
    assert.equal(binary.status, 1);
    assert.match(
      binary.stderr,
      /nul\.txt, byte 25000: binary data \(NUL byte\), not text \[E_BINARY_INPUT\]/,
    );
  });
  it('does not mis-analyze text in another language: analyze names the detected script and stops', () => {
    const english = join(dir, 'english.txt');
    writeFileSync(
      english,
      'The Kremlin said on Friday that no agreement had been signed during the visit.\n',
    );
    const run = rasd(['analyze', english]);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /english\.txt: the text is not Arabic \(detected und-Latn, 100% of its letters\).*\[E_UNSUPPORTED\]/,
    );
    assert.equal(run.stdout, '');
    const forced = rasd(['analyze', english, '--any-language']);
    assert.equal(forced.status, 0, forced.stderr);
  });
});
