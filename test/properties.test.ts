import { describe, it } from 'node:test';
import { checkProperties, PROPERTIES } from './hostile/properties.ts';

// A fixed seed and bounded runs keep CI reproducible; `npm run fuzz` runs the same properties longer with fresh seeds.
const SEED = Number(process.env.RASD_PROPERTY_SEED ?? 20261129);

describe('properties over arbitrary text, bytes and HTML', () => {
  for (const property of PROPERTIES) {
    it(property.name, async () => {
      await checkProperties(SEED, 1, (p) => p === property);
    });
  }
});
