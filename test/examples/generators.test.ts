import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { main as communitySmall } from '../../examples/01-community-small.js';
import { main as planar } from '../../examples/02-planar.js';
import { main as sbm } from '../../examples/03-sbm.js';
import { main as tree } from '../../examples/04-tree.js';
import { main as graphology } from '../../examples/05-graphology.js';

// Examples 01-04 read the benchmark files papers use from ../shared/datasets (their default root).
const shared = '../shared/datasets';
const hasShared = (name: string): boolean => existsSync(`${shared}/${name}`);
if (!hasShared('planar')) console.warn(`examples 01-04 skipped: benchmark files not found in ${shared}`);

const TINY = { epochs: 1, steps: 2, trainLimit: 4, count: 3, verbose: false, denoiser: { hiddenX: 8, hiddenE: 4, hiddenY: 4, layers: 1, heads: 2 } };

describe('generator examples (tiny sizes)', () => {
  it.skipIf(!hasShared('community_small'))('01 community-small runs the GDSS protocol', async () => {
    const r = await communitySmall(TINY);
    expect(r.preset).toBe('gdss');
    expect(r.counts.generated).toBe(3);
  });
  it.skipIf(!hasShared('planar') || !hasShared('sbm') || !hasShared('tree'))('02-04 planar, SBM and tree run the SPECTRE protocol with validity', async () => {
    for (const [run, validity] of [
      [planar, 'planar'],
      [sbm, 'sbm'],
      [tree, 'tree'],
    ] as const) {
      const r = await run(TINY);
      expect(r.preset).toBe('spectre');
      expect(r.validity).toBe(validity);
    }
  });
  it('05 converts graphology graphs in and out', async () => {
    const out = await graphology({ epochs: 1, steps: 2, count: 2, verbose: false });
    expect(out).toHaveLength(2);
    expect(out[0].order).toBeGreaterThan(0);
  });
});
