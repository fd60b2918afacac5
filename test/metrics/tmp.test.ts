import { it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { fitSbm } from '../../src/metrics/sample/fitSbm.js';
import { sbmWaldTest } from '../../src/metrics/sample/sbmWaldTest.js';
import { loadShared } from './helpers/fixtures.js';
it('sbm', () => {
  for (const restarts of [1, 4]) {
  const gs = loadShared('sbm', 'train')!;
  const rng = createRng(0);
  let ok = 0; const t0 = performance.now();
  const bc: Record<string, number> = {};
  let c = 0;
  for (const g of gs) { const f = fitSbm(g, { rng, restarts }); const r = sbmWaldTest(f); if (r.valid) ok++; else if (c++ < 8) console.log(g.n, f.numBlocks, Array.from(f.sizes).join(','), r.pValue); bc[f.numBlocks] = (bc[f.numBlocks] ?? 0) + 1; }
  console.log('restarts', restarts, 'valid', ok, gs.length, (performance.now() - t0).toFixed(0), 'ms', JSON.stringify(bc));
  }
}, 300000);
