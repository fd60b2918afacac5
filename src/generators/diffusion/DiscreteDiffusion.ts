import type { ExtraFeaturesConfig } from '../common/ExtraFeatures.js';
import { assertOneOf } from '../../core/assert.js';
import { CategoricalTransition, TRANSITION_KINDS, type TransitionKind } from '../common/CategoricalTransition.js';
import { DenoisingGenerator, type DenoisingGeneratorConfig } from '../common/DenoisingGenerator.js';
import type { GraphMarginalsResult } from '../common/graphMarginals.js';
import { noiseSchedule, type NoiseScheduleConfig } from '../common/NoiseSchedule.js';
import type { SampleOptions } from '../common/GraphGenerator.js';
import { DiffusionProcess } from './DiffusionProcess.js';

/** Serializable config of {@link DiscreteDiffusion}. */
export interface DiscreteDiffusionConfig extends DenoisingGeneratorConfig {
  /** Limit distribution of the transitions. @default 'marginal' */
  transition?: TransitionKind;
  /** Noise schedule. @default { name: 'cosine' } */
  schedule?: NoiseScheduleConfig;
  /** Number of discrete training times T. @default 500 */
  trainSteps?: number;
}

const TRANSITIONS: Record<TransitionKind, (k: number, marginal: Float64Array) => CategoricalTransition> = {
  marginal: (_k, m) => CategoricalTransition.marginal(m),
  uniform: (k) => CategoricalTransition.uniform(k),
  absorbing: (k) => CategoricalTransition.absorbing(k, 0),
};

/**
 * Discrete denoising diffusion on graphs, DiGress class (Vignac et al. 2023; D3PM, Austin et
 * al. 2021). Composition:
 *
 * - forward process {@link DiffusionProcess}: every node and unordered pair independently with
 *   `Q̄_t = ā_t I + (1 − ā_t) 1 mᵀ` ({@link CategoricalTransition}, marginal m by default), the
 *   cosine schedule ā_t ({@link noiseSchedule});
 * - denoiser: graph transformer on the noisy graph plus extra features (by default DiGress's set:
 *   per-node 3- to 5-cycle and per-graph 3- to 6-cycle counts, `maxCycleLength: 6`, and
 *   Laplacian spectral features; models saved without `maxCycleLength` keep their 3-/4-cycle
 *   widths) predicting the clean graph x0, trained with cross-entropy, edge weight λ = 5;
 * - sampler: ancestral sampling with the posterior `p(z_s | z_t)` marginalised over the
 *   predicted x0 ({@link diffusionPosterior}), symmetric edge sampling, any number of steps;
 * - node counts from the training distribution ({@link NodeCountPrior}).
 *
 * @example
 * ```ts
 * await initBackend();
 * const model = new DiscreteDiffusion({ denoiser: { layers: 2 } });
 * await model.fit(train, { epochs: 50, rng: createRng(0) });
 * const graphs = await model.sample(20, { steps: 100, rng: createRng(1) });
 * await model.save('out/model');
 * ```
 */
export class DiscreteDiffusion extends DenoisingGenerator<DiscreteDiffusionConfig> {
  readonly kind = 'digress' as const;

  /** DiGress's structural features, used when `config.features` is absent: cycles up to 6 and 5 Laplacian eigenvalues. */
  static readonly defaultFeatures: Readonly<ExtraFeaturesConfig> = Object.freeze({ name: 'cycles+spectral', eigenvalues: 5, maxCycleLength: 6 });

  /** @throws `InputError` for invalid config values */
  constructor(config: DiscreteDiffusionConfig = {}) {
    super({ transition: 'marginal', schedule: { name: 'cosine' }, trainSteps: 500, ...config }, { ...DiscreteDiffusion.defaultFeatures });
    assertOneOf(this.config.transition, 'config.transition', TRANSITION_KINDS);
    noiseSchedule(this.config.schedule!);
  }

  protected createProcess(m: GraphMarginalsResult): DiffusionProcess {
    const kind = this.config.transition!;
    return new DiffusionProcess(
      noiseSchedule(this.config.schedule!),
      { x: TRANSITIONS[kind](this.config.nodeClasses!, m.x), e: TRANSITIONS[kind](this.config.edgeClasses!, m.e) },
      this.config.trainSteps,
    );
  }

  protected createKernel(m: GraphMarginalsResult, _options: SampleOptions): DiffusionProcess {
    return this.createProcess(m);
  }
}
