/**
 * The DiscreteFlow-only options of `graphgen train` (`--train-distortion`, `--prior`,
 * `--node-prior`), shared by the graph and molecule model factories. Internal to the CLI.
 *
 * @module
 */
import type { DiscreteFlowConfig } from '../generators/flow/DiscreteFlow.js';
import type { ModelExtras } from './commands/train.js';

/** The flow config fields set by the given extras; absent extras stay absent (the model's defaults). */
export function flowOptions(extras: ModelExtras): Pick<DiscreteFlowConfig, 'trainDistortion' | 'prior' | 'nodePrior'> {
  return {
    ...(extras.trainDistortion !== undefined && { trainDistortion: extras.trainDistortion }),
    ...(extras.prior !== undefined && { prior: extras.prior }),
    ...(extras.nodePrior !== undefined && { nodePrior: extras.nodePrior }),
  };
}
