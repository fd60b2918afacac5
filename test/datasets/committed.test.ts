import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset, RECIPE_NAMES } from '../../src/datasets/index.js';
import { formatGraph6 } from '../../src/io/index.js';

const root = new URL('../../datasets/', import.meta.url);

describe('committed datasets/<name>/{train,val,test}.g6', () => {
  for (const name of RECIPE_NAMES) {
    it(`${name}: regenerating with the default seed gives the committed bytes`, () => {
      const data = loadDataset(name);
      for (const split of ['train', 'val', 'test'] as const) {
        const committed = readFileSync(new URL(`${name}/${split}.g6`, root), 'latin1');
        expect(formatGraph6(data[split]) === committed, `${name}/${split}.g6 differs; run npm run datasets:generate only for an intended change`).toBe(true);
      }
    });
  }
});
