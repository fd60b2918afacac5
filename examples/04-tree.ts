/**
 * Example: tree (SPECTRE/DeFoG protocol: 128 training graphs of 64 nodes, 40 samples vs the 40
 * test graphs, spectre MMD preset, tree validity, V.U.N.). Run:
 * `npx tsx examples/04-tree.ts [epochs]` (hours on a 2-core CPU for published quality; training
 * resumes from `.bench-tmp/examples/tree`). Published reference: DiGress 90 % V.U.N., DeFoG 96.5 %.
 */
import { isMain, runBenchmarkExample, type BenchmarkExampleOptions } from './benchmarkExample.js';

/** Trains and evaluates; the smoke test calls it with tiny sizes. */
export function main(options: BenchmarkExampleOptions = { epochs: 1000, steps: 1000 }) {
  return runBenchmarkExample('tree', { preset: 'spectre', validity: 'tree', eta: 10, omega: 0.1 }, options);
}

if (isMain(import.meta.url)) await main({ epochs: Number(process.argv[2] ?? 1000), steps: 1000, checkpointDir: '.bench-tmp/examples/tree' });
