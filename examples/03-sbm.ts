/**
 * Example: sbm (SPECTRE/DeFoG protocol: 128 training graphs of 44-187 nodes, 2-5 blocks, 40 samples vs the 40
 * test graphs, spectre MMD preset, sbm validity, V.U.N.). Run:
 * `npx tsx examples/03-sbm.ts [epochs]` (hours on a 2-core CPU for published quality; training
 * resumes from `.bench-tmp/examples/sbm`). Published reference: DiGress 60 % V.U.N., DeFoG 90 %.
 * graphgen's SBM table (BENCHMARKS.md, `npm run bench -- genvun`) reaches 57.5 ± 9.2 % over five
 * sampling draws (55.0 % over ten) with this recipe on a 3-layer width-32 denoiser (this example's
 * default is 4 layers of width 64), a tuned rate schedule and about 367 CPU-min of training.
 */
import { isMain, runBenchmarkExample, type BenchmarkExampleOptions } from './benchmarkExample.js';

/** Trains and evaluates; the smoke test calls it with tiny sizes. */
export function main(options: BenchmarkExampleOptions = { epochs: 1000, steps: 1000 }) {
  // the recipe of the SBM table in BENCHMARKS.md: spectral-projector features, self-conditioning with the projectors of the prediction, polydec training times
  const model = { features: { name: 'rrwp', walkSteps: 8, spectralPairs: 6 }, trainDistortion: 'polydec', selfConditioning: { spectralPairs: 6 } } as const;
  return runBenchmarkExample('sbm', { preset: 'spectre', validity: 'sbm', eta: 10, omega: 0, model }, options);
}

if (isMain(import.meta.url)) await main({ epochs: Number(process.argv[2] ?? 1000), steps: 1000, checkpointDir: '.bench-tmp/examples/sbm' });
