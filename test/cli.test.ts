import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { documentFromJson } from '../src/core/document.ts';
import { SEED_PATH, seedText } from './fixtures.ts';

const BIN = new URL('../bin/rasd.js', import.meta.url).pathname;

function rasd(args: string[], input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input });
}

describe('rasd analyze (the real command)', () => {
  it('prints the analyzed document as JSON', () => {
    const run = rasd(['analyze', SEED_PATH]);
    assert.equal(run.status, 0, run.stderr);
    const doc = documentFromJson(run.stdout);
    assert.equal(doc.annotations.boilerplate.length, 2);
    assert.equal(doc.article.source.location, SEED_PATH);
  });

  it('reads stdin and prints an Arabic report', () => {
    const run = rasd(['analyze', '-', '--format', 'text'], seedText());
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /عنوان المقال في النص: الزعيم الكوري الشمالي يزور/);
    assert.match(run.stdout, /\[ad_1\] — رمز إعلان/);
  });

  it('exits 1 with the file name and byte offset on invalid UTF-8, and on binary input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-cli-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x41, 0x20, 0xde, 0xc7, 0xe1]));
    const run = rasd(['analyze', bad]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /bad\.txt, byte 2: invalid UTF-8/);
    const binary = join(dir, 'a.bin');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x00, 0x01]));
    assert.equal(rasd(['analyze', binary]).status, 1);
    assert.equal(rasd(['analyze', join(dir, 'missing.txt')]).status, 1);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(rasd(['analyze', SEED_PATH, '--format', 'xml']).status, 2);
    assert.equal(rasd(['no-such-command']).status, 2);
  });
});
