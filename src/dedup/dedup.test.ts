import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusSample } from '../../test/fixtures.ts';
import { decideNear } from './decide.ts';
import { createFingerprinter } from './fingerprint.ts';
import { similarity } from './minhash.ts';
import { dedupText } from './shingles.ts';

const fingerprint = createFingerprinter();
const [a, b] = corpusSample();

describe('dedup', () => {
  it('gives the same content hash whatever the spelling and punctuation', () => {
    assert.equal(dedupText('قالَ الوزيرُ: "نعم".'), 'قال الوزير نعم');
    assert.equal(fingerprint('أكدت الأمم المتحدة.').contentHash, fingerprint('اكدت الامم المتحده').contentHash);
  });

  it('scores a lightly edited copy as near and another story as far', () => {
    const original = fingerprint(a!.text);
    const edited = fingerprint(`${a!.text.replace(' في ', ' ضمن ').replace(' من ', ' عن ')}\nتابعونا على تويتر`);
    assert.ok(similarity(original.signature, edited.signature) > 0.6);
    assert.ok(similarity(original.signature, fingerprint(b!.text).signature) < 0.2);
    const candidate = { clusterId: 'c1', articleId: 'c1', signature: original.signature };
    assert.equal(decideNear(edited, [candidate]).relation, 'near');
    assert.equal(decideNear(fingerprint(b!.text), [candidate]).relation, 'new');
  });

  it('is deterministic across calls', () => {
    assert.deepEqual([...fingerprint(a!.text).signature], [...createFingerprinter()(a!.text).signature]);
  });
});
