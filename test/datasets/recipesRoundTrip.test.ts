import { describe, it } from 'vitest';
import { loadDataset, RECIPE_NAMES } from '../../src/datasets/index.js';
import { checkRoundTrips } from './roundTrip.js';

describe('exact round trips on every built-in dataset', () => {
  for (const name of RECIPE_NAMES) {
    it(`${name}: graph6, sparse6, JSON, edge list, graphology, collate/uncollate`, () => {
      const d = loadDataset(name);
      checkRoundTrips(name, [...d.train, ...d.val, ...d.test]);
    });
  }
});
