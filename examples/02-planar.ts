/**
 * Example: planar (SPECTRE/DeFoG protocol: 128 training graphs of 64 nodes, 40 samples vs the 40
 * test graphs, spectre MMD preset, planar validity, V.U.N.). Run:
 * `npx tsx examples/02-planar.ts [epochs]` (hours on a 2-core CPU for published quality; training
 * resumes from `.bench-tmp/examples/planar`). Published reference: DiGress 77.5 % V.U.N., DeFoG 99.5 %.
 * The model is trained with the absorbing prior (every graph starts without edges) and sampled
 * with the planarity constraint (ConStruct's projector), so every sample is planar; validity then
 * only asks for connectivity. graphgen's planar table (BENCHMARKS.md, `npm run bench -- genvun`)
 * reaches 100 % V.U.N. with this recipe on a 3-layer width-32 denoiser (this example's default is
 * 4 layers of width 64) and 45 CPU-min of training.
 */
import { isMain, runBenchmarkExample, type BenchmarkExampleOptions } from './benchmarkExample.js';

/** Trains and evaluates; the smoke test calls it with tiny sizes. */
export function main(options: BenchmarkExampleOptions = { epochs: 1000, steps: 500 }) {
  // the recipe of the planar table in BENCHMARKS.md: component features, polydec training times, absorbing prior, planar projector
  const model = { features: { name: 'rrwp', walkSteps: 8, components: true }, trainDistortion: 'polydec' } as const;
  return runBenchmarkExample('planar', { preset: 'spectre', validity: 'planar', eta: 0, omega: 0, prior: 'absorbing', constraint: 'planar', model }, options);
}

if (isMain(import.meta.url)) await main({ epochs: Number(process.argv[2] ?? 1000), steps: 500, checkpointDir: '.bench-tmp/examples/planar' });
