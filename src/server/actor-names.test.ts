import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withArabicNames } from './actor-names.ts';

test('adds the Arabic name beside registry actors named in English, wherever the reply names them', () => {
  const reply: {
    actor: { id: string; name: string; type: string; arabicName?: string };
    events: { type: string; other: { name: string; entityId: string; arabicName?: string } }[];
    coActors: { id: string; name: string }[];
  } = {
    actor: { id: 'actor:kim-jong-un', name: 'Kim Jong Un', type: 'PER' },
    events: [{ type: 'CONSULT', other: { name: 'Russia', entityId: 'actor:russia' } }],
    coActors: [{ id: 'doc:e1', name: 'سينتهك' }],
  };
  const out = withArabicNames(reply);
  assert.equal(out.actor.arabicName, 'كيم جونغ أون');
  assert.equal(out.events[0]!.other.arabicName, 'روسيا');
  assert.equal('arabicName' in out.coActors[0]!, false, 'no name for an actor the registry does not know');
  assert.equal('arabicName' in reply.actor, false, 'the store record is left as it was');
});
