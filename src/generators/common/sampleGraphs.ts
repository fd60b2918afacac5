import * as tf from '@tensorflow/tfjs-core';
import { throwIfAborted } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import type { DenseBatch } from '../../graph/collate.js';
import { uncollate } from '../../graph/collate.js';
import type { Graph } from '../../graph/Graph.js';
import { assertSyncReads } from '../../nn/initBackend.js';
import { buildDenoiserInput } from './buildDenoiserInput.js';
import type { Denoiser } from './Denoiser.js';
import type { DiscreteProcess } from './DiscreteProcess.js';
import type { EdgeConstraint } from './EdgeConstraint.js';
import type { ExtraFeatures } from './ExtraFeatures.js';
import type { ReverseKernel } from './ReverseKernel.js';
import type { ClassProbabilities, SelfConditioning } from './SelfConditioning.js';
import { predictClasses } from './predictClasses.js';

/** The parts {@link sampleGraphs} composes. */
export interface SamplerParts {
  /** Where to start (its prior). */
  process: DiscreteProcess;
  /** How to move. */
  kernel: ReverseKernel;
  /** The network. */
  denoiser: Denoiser;
  /** Structural features of the current graph. */
  features: ExtraFeatures;
  /** Node classes dx. */
  nodeClasses: number;
  /** Edge classes de. */
  edgeClasses: number;
  /** Self-conditioning: each step's input carries the previous step's prediction (zero at the first). */
  selfConditioning?: SelfConditioning;
}

/** Options of {@link sampleGraphs}. */
export interface SampleGraphsOptions {
  /** Denoising steps S. */
  steps: number;
  /** Randomness. */
  rng: Rng;
  /** Abort between steps. */
  signal?: AbortSignal;
  /** Called after every step. */
  onStep?: (step: number) => void;
  /**
   * Keeps every graph inside a deletion-closed property at every step (ConStruct's projector):
   * removals and relabellings of existing edges are kept; the pairs that would gain an edge
   * (class 0 to another class) are tried in random order and keep class 0 when
   * `constraint.allowsEdge` refuses them. The prior's sample is projected the same way from the
   * empty graph. Without it, no randomness is spent on the projection.
   */
  constraint?: EdgeConstraint;
}

/**
 * The generic sampler of discrete denoising generators, for one batch of node counts:
 * start from the process's prior (nodes and unordered pairs independently, pairs mirrored),
 * then for each step of the kernel's time grid predict the clean distribution with the
 * denoiser (softmax of its logits) and move every node and every unordered pair with the
 * kernel's transition probabilities (pairs sampled once for `i < j` and mirrored: symmetric
 * edge sampling). With `parts.selfConditioning`, each step's input also carries the previous
 * step's prediction (zero channels at the first step). With `options.constraint`, each graph is
 * projected onto the constraint after the prior's draw and after every step (see
 * {@link SampleGraphsOptions.constraint}).
 * Tensors are disposed every step.
 *
 * @param parts - process, kernel, denoiser, features and class counts
 * @param nodeCounts - n of each graph `[B]`
 * @param options - steps, rng, signal
 * @returns B graphs
 * @throws `AbortedError` when `signal` fires
 *
 * @example
 * ```ts
 * const graphs = sampleGraphs(parts, Int32Array.of(12, 15), { steps: 100, rng });
 * ```
 */
export function sampleGraphs(parts: SamplerParts, nodeCounts: ArrayLike<number>, options: SampleGraphsOptions): Graph[] {
  assertSyncReads('sample');
  const { process, kernel, denoiser, features, nodeClasses: dx, edgeClasses: de } = parts;
  const { rng } = options;
  const B = nodeCounts.length;
  let N = 0;
  for (let b = 0; b < B; b++) N = Math.max(N, nodeCounts[b]);
  const state: DenseBatch = {
    batchSize: B,
    maxNodes: N,
    nodeClasses: dx,
    edgeClasses: de,
    x: new Float32Array(B * N * dx),
    e: new Float32Array(B * N * N * de),
    nodeMask: new Float32Array(B * N),
    nodeCounts: Int32Array.from(nodeCounts),
  };
  const priorX = process.prior('x');
  const priorE = process.prior('e');
  const cls = { x: new Int32Array(B * N), e: new Int32Array(B * N * N) };
  const constraint = options.constraint;
  // pairs (upper-triangle index r) that would gain an edge this step, with their new class
  const added: number[] = [];
  const setPair = (b: number, i: number, j: number, c: number): void => {
    const r = (b * N + i) * N + j;
    if (constraint !== undefined && c !== 0 && cls.e[r] === 0) {
      added.push(r, c);
      return;
    }
    cls.e[r] = c;
    cls.e[(b * N + j) * N + i] = c;
  };
  const project = (b: number): void => {
    // nothing proposed: the graph is unchanged (and a permutation of 0 items draws nothing)
    if (constraint === undefined || added.length === 0) return;
    const n = nodeCounts[b];
    const adj: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (cls.e[(b * N + i) * N + j] !== 0) {
          adj[i].push(j);
          adj[j].push(i);
        }
    const order = rng.permutation(added.length / 2);
    for (let k = 0; k < order.length; k++) {
      const r = added[2 * order[k]];
      const i = Math.floor(r / N) - b * N;
      const j = r % N;
      if (!constraint.allowsEdge(adj, i, j)) continue;
      adj[i].push(j);
      adj[j].push(i);
      const c = added[2 * order[k] + 1];
      cls.e[r] = c;
      cls.e[(b * N + j) * N + i] = c;
    }
    added.length = 0;
  };
  for (let b = 0; b < B; b++) {
    const n = nodeCounts[b];
    for (let i = 0; i < n; i++) {
      state.nodeMask[b * N + i] = 1;
      cls.x[b * N + i] = rng.categorical(priorX);
    }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) setPair(b, i, j, rng.categorical(priorE));
    project(b);
  }
  const writeOneHot = (): void => {
    state.x.fill(0);
    state.e.fill(0);
    for (let b = 0; b < B; b++) {
      const n = nodeCounts[b];
      for (let i = 0; i < n; i++) {
        state.x[(b * N + i) * dx + cls.x[b * N + i]] = 1;
        for (let j = 0; j < n; j++) if (i !== j) state.e[((b * N + i) * N + j) * de + cls.e[(b * N + i) * N + j]] = 1;
      }
    }
  };
  writeOneHot();
  const grid = kernel.timeGrid(options.steps);
  const times = new Float64Array(B);
  const predX = new Float64Array(dx);
  const predE = new Float64Array(de);
  const out = new Float64Array(Math.max(dx, de));
  const outX = out.subarray(0, dx);
  const outE = out.subarray(0, de);
  let previous: ClassProbabilities | undefined; // the last step's prediction (self-conditioning)
  for (let k = 0; k < options.steps; k++) {
    throwIfAborted(options.signal, 'sampling');
    const t = grid[k];
    const tNext = grid[k + 1];
    times.fill(t);
    const input = buildDenoiserInput(state, times, features, parts.selfConditioning?.channels(state, previous));
    const prediction = predictClasses(denoiser, input);
    tf.dispose([input.x, input.e, input.y, input.nodeMask]);
    previous = prediction;
    const { x: probX, e: probE } = prediction;
    for (let b = 0; b < B; b++) {
      const n = nodeCounts[b];
      for (let i = 0; i < n; i++) {
        const r = b * N + i;
        for (let c = 0; c < dx; c++) predX[c] = probX[r * dx + c];
        kernel.transition('x', predX, cls.x[r], t, tNext, outX);
        cls.x[r] = rng.categorical(outX);
      }
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const r = (b * N + i) * N + j;
          for (let c = 0; c < de; c++) predE[c] = probE[r * de + c];
          kernel.transition('e', predE, cls.e[r], t, tNext, outE);
          setPair(b, i, j, rng.categorical(outE));
        }
      project(b);
    }
    writeOneHot();
    options.onStep?.(k + 1);
  }
  return uncollate(state);
}
