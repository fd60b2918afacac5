/**
 * Example: sbm (SPECTRE/DeFoG protocol: 128 training graphs of 64 nodes, 40 samples vs the 40
 * test graphs, spectre MMD preset, sbm validity, V.U.N.). Run:
 * `npx tsx examples/03-sbm.ts [epochs]` (hours on a 2-core CPU for published quality; training
 * resumes from `.bench-tmp/examples/sbm`). Published reference: DiGress 60 % V.U.N., DeFoG 90 %.
 */
import { isMain, runBenchmarkExample, type BenchmarkExampleOptions } from './benchmarkExample.js';

/** Trains and evaluates; the smoke test calls it with tiny sizes. */
export function main(options: BenchmarkExampleOptions = { epochs: 1000, steps: 1000 }) {
  return runBenchmarkExample('sbm', { preset: 'spectre', validity: 'sbm', eta: 5, omega: 0.05 }, options);
}

if (isMain(import.meta.url)) await main({ epochs: Number(process.argv[2] ?? 1000), steps: 1000, checkpointDir: '.bench-tmp/examples/sbm' });
