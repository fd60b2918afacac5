/**
 * Example 1: community-small with the GDSS protocol (train on the GDSS split, as many samples as
 * the test set, gdss MMD preset). Run: `npx tsx examples/01-community-small.ts [epochs]`.
 * Published reference (GDSS): degree 0.045, clustering 0.086, orbit 0.007.
 */
import { isMain, runBenchmarkExample, type BenchmarkExampleOptions } from './benchmarkExample.js';

/** Trains and evaluates; the smoke test calls it with tiny sizes. */
export function main(options: BenchmarkExampleOptions = { epochs: 300, steps: 500, denoiser: { hiddenX: 32, hiddenE: 16, hiddenY: 16, layers: 3, heads: 4 } }) {
  return runBenchmarkExample('community_small', { preset: 'gdss', validity: 'none', eta: 0, omega: 0 }, options);
}

if (isMain(import.meta.url)) await main({ epochs: Number(process.argv[2] ?? 300), steps: 500, denoiser: { hiddenX: 32, hiddenE: 16, hiddenY: 16, layers: 3, heads: 4 }, checkpointDir: '.bench-tmp/examples/community_small' });
