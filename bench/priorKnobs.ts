/**
 * The flow's prior knobs of the generator benches, read from the environment under a prefix
 * (`GRAPHGEN_VUN_`, `GRAPHGEN_MOLGEN_`): `<prefix>PRIOR` (`DiscreteFlowConfig.prior`, default
 * `marginal`) and `<prefix>NODE_PRIOR` (`DiscreteFlowConfig.nodePrior`, default: the same as
 * `<prefix>PRIOR`). Unlike the sampling knobs they change the model, so they name its checkpoint
 * folder: `-abs` / `-uni` for the prior (the folder names the benches used before the node prior
 * existed), then `-n<abs|uni|marg>` for a node prior that differs from it.
 */
import { TRANSITION_KINDS, type TransitionKind } from '../src/generators/common/CategoricalTransition.js';
import type { DiscreteFlowConfig } from '../src/generators/flow/DiscreteFlow.js';

/** Parsed prior knobs. */
export interface PriorKnobs {
  prior: TransitionKind;
  /** The node prior when it differs from `prior` (absent otherwise, as in the model's config). */
  nodePrior?: TransitionKind;
  /** Checkpoint folder suffix (`''` for the default marginal prior). */
  tag: string;
  /** The non-default knobs as they appear in a command line (`''` when default), each followed by a space. */
  env: string;
  /** Words for a report (`''` when default), e.g. `absorbing prior (marginal node prior)`. */
  text: string;
  /** The `DiscreteFlow` config fields to spread into the model's config (empty when default). */
  config: Pick<DiscreteFlowConfig, 'prior' | 'nodePrior'>;
}

const SHORT: Record<TransitionKind, string> = { marginal: 'marg', absorbing: 'abs', uniform: 'uni' };

function kind(key: string, fallback: TransitionKind): TransitionKind {
  const raw = process.env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!(TRANSITION_KINDS as readonly string[]).includes(raw)) throw new Error(`${key}: expected one of ${TRANSITION_KINDS.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw as TransitionKind;
}

/**
 * Reads `<prefix>PRIOR` and `<prefix>NODE_PRIOR`; a node prior equal to the prior is the same
 * model and is dropped (same folder, same config).
 * @throws `Error` naming the variable for an unknown prior
 */
export function priorKnobs(prefix: string): PriorKnobs {
  const prior = kind(`${prefix}PRIOR`, 'marginal');
  const node = kind(`${prefix}NODE_PRIOR`, prior);
  const nodePrior = node === prior ? undefined : node;
  const tag = `${prior === 'marginal' ? '' : `-${SHORT[prior]}`}${nodePrior === undefined ? '' : `-n${SHORT[nodePrior]}`}`;
  const env = `${prior === 'marginal' ? '' : `${prefix}PRIOR=${prior} `}${nodePrior === undefined ? '' : `${prefix}NODE_PRIOR=${nodePrior} `}`;
  const text = tag === '' ? '' : `${prior} prior${nodePrior === undefined ? '' : ` (${nodePrior} node prior)`}`;
  const config = { ...(prior !== 'marginal' && { prior }), ...(nodePrior !== undefined && { nodePrior }) };
  return { prior, ...(nodePrior !== undefined && { nodePrior }), tag, env, text, config };
}
