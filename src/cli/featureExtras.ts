import type { ExtraFeaturesConfig } from '../generators/common/ExtraFeatures.js';
import type { DenoisingGeneratorConfig } from '../generators/common/DenoisingGenerator.js';
import type { ModelExtras } from './commands/train.js';

/**
 * The component / cycle-edge / spectral-projector fields of `extras` that are asked for, as
 * `ExtraFeaturesConfig` fields (empty when none is), to add to a model's default features.
 */
export function featureExtras(extras: ModelExtras): Pick<ExtraFeaturesConfig, 'components' | 'cycleEdges' | 'spectralPairs'> {
  const { components, cycleEdges, spectralPairs } = extras;
  return { ...(components && { components }), ...(cycleEdges && { cycleEdges }), ...(spectralPairs !== undefined && { spectralPairs }) };
}

/** `{ selfConditioning }` for a denoising generator's config when `extras.selfConditioning` is set, else `{}`. */
export function selfConditioningExtras(extras: ModelExtras): Pick<DenoisingGeneratorConfig, 'selfConditioning'> {
  return extras.selfConditioning === undefined ? {} : { selfConditioning: { spectralPairs: extras.selfConditioning } };
}
