import { FormatError } from '../core/errors.js';
import { ErdosRenyi } from './baselines/ErdosRenyi.js';
import { StochasticBlockModel } from './baselines/StochasticBlockModel.js';
import { readGeneratorFile } from './common/DenoisingGenerator.js';
import type { GeneratorKind, GraphGenerator } from './common/GraphGenerator.js';
import { DiscreteDiffusion, type DiscreteDiffusionConfig } from './diffusion/DiscreteDiffusion.js';
import { DiscreteFlow, type DiscreteFlowConfig } from './flow/DiscreteFlow.js';
import { GwBarycenter, type GwBarycenterConfig } from './ot/GwBarycenter.js';
import { OtFlow, type OtFlowConfig } from './ot/OtFlow.js';
import { GwDictionary, type GwDictionaryConfig } from './ot/GwDictionary.js';

/** How to rebuild each generator family from its saved config. */
const FACTORIES: Record<GeneratorKind, (config: unknown) => GraphGenerator & { load(dir: string): Promise<void> }> = {
  digress: (c) => new DiscreteDiffusion(c as DiscreteDiffusionConfig),
  defog: (c) => new DiscreteFlow(c as DiscreteFlowConfig),
  'erdos-renyi': () => new ErdosRenyi(),
  sbm: () => new StochasticBlockModel(),
  'gw-barycenter': (c) => new GwBarycenter(c as GwBarycenterConfig),
  'ot-flow': (c) => new OtFlow(c as OtFlowConfig),
  'gw-dictionary': (c) => new GwDictionary(c as GwDictionaryConfig),
};

/**
 * Loads a generator saved with `save(dir)`, whatever its family: reads `dir/generator.json`,
 * rebuilds the generator from its config and restores the fitted state (and weights).
 *
 * @param dir - the directory given to `save`
 * @returns the generator, ready to `sample`
 * @throws `IoError` when files cannot be read
 * @throws `FormatError` for files that are not a saved graphgen generator or an unknown kind
 *
 * @example
 * ```ts
 * await initBackend();
 * const model = await loadGenerator('out/model');
 * const graphs = await model.sample(10, { rng: createRng(0) });
 * ```
 */
export async function loadGenerator(dir: string): Promise<GraphGenerator> {
  const file = await readGeneratorFile(dir);
  const factory = Object.prototype.hasOwnProperty.call(FACTORIES, file.kind) ? FACTORIES[file.kind] : undefined;
  if (factory === undefined) throw new FormatError(`"${dir}/generator.json": kind: expected one of ${Object.keys(FACTORIES).join(', ')}, got ${JSON.stringify(file.kind)}`, { argument: 'dir' });
  const gen = factory(file.config);
  await gen.load(dir);
  return gen;
}
