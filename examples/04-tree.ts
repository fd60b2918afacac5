/**
 * Example: tree (SPECTRE/DeFoG protocol: 128 training graphs of 64 nodes, 40 samples vs the 40
 * test graphs, spectre MMD preset, tree validity, V.U.N.). Run:
 * `npx tsx examples/04-tree.ts [epochs]` (hours on a 2-core CPU for published quality; training
 * resumes from `.bench-tmp/examples/tree`). Published reference: DiGress 90 % V.U.N., DeFoG 96.5 %.
 * graphgen's tree table (BENCHMARKS.md, `npm run bench -- genvun`) reaches 100 % V.U.N. with this
 * recipe on a 3-layer width-32 denoiser (this example's default is 4 layers of width 64), a tuned
 * rate schedule and 241 CPU-min of training.
 */
import { isMain, runBenchmarkExample, type BenchmarkExampleOptions } from './benchmarkExample.js';

/** Trains and evaluates; the smoke test calls it with tiny sizes. */
export function main(options: BenchmarkExampleOptions = { epochs: 1000, steps: 500 }) {
  // the recipe of the tree table in BENCHMARKS.md: component and cycle-edge features, polydec training times
  const model = { features: { name: 'rrwp', walkSteps: 8, components: true, cycleEdges: true }, trainDistortion: 'polydec' } as const;
  return runBenchmarkExample('tree', { preset: 'spectre', validity: 'tree', eta: 0, omega: 0, model }, options);
}

if (isMain(import.meta.url)) await main({ epochs: Number(process.argv[2] ?? 1000), steps: 500, checkpointDir: '.bench-tmp/examples/tree' });
