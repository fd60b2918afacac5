import { BackendError } from '../core/errors.js';
import type { RdkitModule } from './RdkitModule.js';

/**
 * The one piece of module-level state in `graphgen/molecules`: the promise of the RDKit module,
 * created on the first call of {@link loadRdkit} and reused afterwards. It is reset when loading
 * fails, so a later call retries.
 */
let pending: Promise<RdkitModule> | undefined;

/**
 * Loads RDKit MinimalLib (`@rdkit/rdkit`, WebAssembly) once and returns the module.
 *
 * Importing `graphgen/molecules` loads nothing; the WebAssembly module (about 7 MB, about
 * 180 ms to initialise in Node) is instantiated on the first call, and every later call returns
 * the same module (memoised promise, the only module-level state of this subpath). Every
 * chemistry function takes the module as its first argument, so code that already holds one
 * (for example a test double, or a module initialised with custom `locateFile` options through
 * `initRDKitModule` itself) can pass it directly.
 *
 * @returns the initialised module
 * @throws `BackendError` (`E_BACKEND`) when the package cannot be imported or the
 *   WebAssembly module fails to initialise
 *
 * @example
 * ```ts
 * import { loadRdkit, toSmiles, fromSmiles, QM9_ENCODING } from 'graphgen/molecules';
 * const rdkit = await loadRdkit();
 * const g = fromSmiles(rdkit, 'OCC#N', QM9_ENCODING);
 * toSmiles(rdkit, g, QM9_ENCODING); // 'N#CCO'
 * ```
 */
export function loadRdkit(): Promise<RdkitModule> {
  if (pending === undefined) {
    pending = initialise().catch((cause: unknown) => {
      pending = undefined;
      throw cause;
    });
  }
  return pending;
}

async function initialise(): Promise<RdkitModule> {
  let factory: unknown;
  try {
    const mod = (await import('@rdkit/rdkit')) as unknown as { default?: unknown };
    // The package is CommonJS: the default import is `module.exports` (the factory itself,
    // which also carries itself as `.default`).
    const d = mod.default as { default?: unknown } | undefined;
    factory = typeof d === 'function' ? d : d?.default;
  } catch (cause) {
    throw new BackendError(`@rdkit/rdkit: expected an importable package, got an import failure (${String(cause)})`, { cause });
  }
  if (typeof factory !== 'function') {
    throw new BackendError('@rdkit/rdkit: expected a default export initRDKitModule(), got none', { argument: '@rdkit/rdkit' });
  }
  try {
    const module = (await (factory as () => Promise<unknown>)()) as RdkitModule;
    if (typeof module?.get_mol !== 'function') throw new Error('module has no get_mol');
    return module;
  } catch (cause) {
    throw new BackendError(`@rdkit/rdkit: expected the WebAssembly module to initialise, got ${String(cause)}`, { cause });
  }
}
