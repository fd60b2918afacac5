import { InputError, describeValue } from '../core/errors.js';
import { assertInteger, assertOneOf } from '../core/assert.js';
import type { Rng } from '../core/rng.js';
import type { Graph } from '../graph/Graph.js';
import { checkGraphList } from './internal/checks.js';
import { graphDescriptors, type GraphDescriptors } from './mmd/graphDescriptors.js';
import { meanStd, type MeanStdResult } from './mmd/meanStd.js';
import { mmdFromDescriptors, type MmdReport } from './mmd/mmdFromDescriptors.js';
import { mmdRatio, type MmdRatioResult } from './mmd/mmdRatio.js';
import { MMD_PRESETS, type MmdMetric, type MmdPresetName } from './mmd/presets.js';
import { validityFunction, VALIDITY_NAMES, type ValidityName } from './sample/validityFunction.js';
import { vun, type VunResult } from './sample/vun.js';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** MMD convention, see {@link MMD_PRESETS}. @default 'spectre' */
  preset?: MmdPresetName;
  /** Metrics to compute. @default every metric of the preset */
  metrics?: readonly MmdMetric[];
  /** Training graphs: enable novelty and the train-vs-reference MMDs behind the ratio. @default none */
  train?: readonly Graph[];
  /** Validity criterion by name, or a predicate. @default 'none' */
  validity?: ValidityName | ((graph: Graph) => boolean);
  /** Split the generated graphs into this many consecutive folds of equal size and report mean +- std. @default 1 */
  folds?: number;
  /** Random generator: required by the `'sbm'` validity; when given with folds > 1 the generated graphs are shuffled before splitting. */
  rng?: Rng;
  /** Compute the train-vs-reference MMDs and the ratio when `train` is given (false: train is used for novelty only). @default true */
  ratio?: boolean;
  /** Decimals of the ratio's reference rounding. @default 4 */
  ratioDecimals?: number;
}

/** The scores of one set of generated graphs. */
export interface EvaluateScores {
  /** MMD^2 of generated vs reference, per metric. */
  mmd: MmdReport;
  /** HSpectre / DeFoG ratio (null without `train`). */
  ratio: MmdRatioResult | null;
  /** Uniqueness, novelty (vs `train`, or vs nothing), validity and V.U.N. */
  sample: VunResult;
}

/** Result of {@link evaluate}. */
export interface EvaluateResult extends EvaluateScores {
  /** Preset used. */
  preset: MmdPresetName;
  /** Validity criterion used (`'custom'` for a predicate). */
  validity: ValidityName | 'custom';
  /** Numbers of generated, reference and training graphs. */
  counts: { generated: number; reference: number; train: number };
  /** MMD^2 of train vs reference (null without `train`): the denominator of the ratio. */
  trainMmd: MmdReport | null;
  /** Per-fold scores when `folds > 1`, else null. */
  folds: EvaluateScores[] | null;
  /** Mean +- std over the folds of every scalar (`mmd.degree`, `ratio`, `vun`, ...) when `folds > 1`, else null. */
  summary: Record<string, MeanStdResult> | null;
}

/**
 * The whole evaluation of generated graphs in one typed report, computed as the reference code
 * does (see {@link MMD_PRESETS}, {@link mmdRatio}, {@link vun}): every MMD of the preset against
 * the reference graphs (usually the test split), the ratio against the train-vs-reference MMDs,
 * uniqueness, novelty, validity and V.U.N. With `folds` the generated graphs are split into equal
 * consecutive folds (DeFoG samples 5 x 40 graphs) and each scalar gets mean +- std; the top-level
 * scores are then those of all generated graphs together. Descriptors of the reference and train
 * sets are computed once.
 *
 * @param generated - generated graphs, at least `folds`
 * @param reference - reference graphs (the test split)
 * @param options - preset, train set, validity, folds, rng
 * @returns the report
 * @throws `InputError` for empty lists, non-Graph entries, graphs sets without nodes, an unknown preset / validity, an invalid fold count, or `'sbm'` validity without an rng
 *
 * @example
 * ```ts
 * const report = evaluate(samples, test, { train, validity: 'planar' });
 * report.mmd.degree; report.ratio?.ratio; report.sample.vun;
 * ```
 */
export function evaluate(generated: readonly Graph[], reference: readonly Graph[], options: EvaluateOptions = {}): EvaluateResult {
  checkGraphList(generated, 'generated');
  checkGraphList(reference, 'reference');
  if (options.train !== undefined) checkGraphList(options.train, 'options.train');
  const preset = options.preset ?? 'spectre';
  assertOneOf(preset, 'options.preset', ['spectre', 'gdss'] as const);
  const metrics = options.metrics ?? (Object.keys(MMD_PRESETS[preset]) as MmdMetric[]);
  const folds = options.folds ?? 1;
  assertInteger(folds, 'options.folds', { min: 1, max: generated.length });
  const v = options.validity ?? 'none';
  let validity: (g: Graph) => boolean;
  let validityName: ValidityName | 'custom';
  if (typeof v === 'function') {
    validity = v;
    validityName = 'custom';
  } else {
    if (typeof v !== 'string' || !VALIDITY_NAMES.includes(v)) {
      throw InputError.invalid('options.validity', `one of ${VALIDITY_NAMES.map((x) => JSON.stringify(x)).join(', ')} or a function`, describeValue(v));
    }
    validity = validityFunction(v, { rng: options.rng });
    validityName = v;
  }
  const refDesc = graphDescriptors(reference, { metrics });
  const train = options.train ?? null;
  const trainMmd = train === null || options.ratio === false ? null : mmdFromDescriptors(graphDescriptors(train, { metrics }), refDesc, { preset, metrics });
  const decimals = options.ratioDecimals ?? 4;
  const score = (gs: readonly Graph[], desc: GraphDescriptors): EvaluateScores => {
    const mmd = mmdFromDescriptors(desc, refDesc, { preset, metrics });
    return {
      mmd,
      ratio: trainMmd === null ? null : mmdRatio(mmd, trainMmd, { metrics, decimals }),
      sample: vun(gs, train ?? [], { validity }),
    };
  };
  const all = score(generated, graphDescriptors(generated, { metrics }));
  let foldScores: EvaluateScores[] | null = null;
  let summary: Record<string, MeanStdResult> | null = null;
  if (folds > 1) {
    const order = options.rng !== undefined ? options.rng.permutation(generated.length) : Int32Array.from(generated, (_, i) => i);
    const size = Math.floor(generated.length / folds);
    foldScores = [];
    for (let f = 0; f < folds; f++) {
      const part = Array.from(order.subarray(f * size, (f + 1) * size), (i) => generated[i]);
      foldScores.push(score(part, graphDescriptors(part, { metrics })));
    }
    const scalars: Record<string, number[]> = {};
    const push = (k: string, x: number | undefined): void => {
      if (x === undefined || !Number.isFinite(x)) return;
      (scalars[k] ??= []).push(x);
    };
    for (const s of foldScores) {
      for (const m of metrics) push(`mmd.${m}`, s.mmd[m]);
      push('ratio', s.ratio?.ratio);
      push('unique', s.sample.unique);
      push('uniqueNovel', s.sample.uniqueNovel);
      push('valid', s.sample.valid);
      push('vun', s.sample.vun);
    }
    summary = {};
    for (const [k, xs] of Object.entries(scalars)) summary[k] = meanStd(xs);
  }
  return {
    ...all,
    preset,
    validity: validityName,
    counts: { generated: generated.length, reference: reference.length, train: train?.length ?? 0 },
    trainMmd,
    folds: foldScores,
    summary,
  };
}
