import * as tf from '@tensorflow/tfjs-core';
import { BackendError, InputError, describeValue } from '../core/errors.js';
import { registerGradients } from './registerGradients.js';
import { registerWasmKernels } from './wasmKernels.js';

/** A tfjs backend graphgen can run on. */
export type BackendName = 'wasm' | 'cpu' | 'webgpu' | 'webgl';

/** The runtime graphgen detected. */
export type RuntimeEnvironment = 'node' | 'browser';

/** Options of {@link initBackend}. */
export interface InitBackendOptions {
  /**
   * The backend to use, or an ordered list of candidates. When given, the first candidate
   * that initialises is chosen and, if none does, a `BackendError` explains why each
   * failed. When omitted, the environment's default order is tried: in Node
   * `wasm` > `cpu`; in a browser `webgpu` > `webgl` > `wasm` > `cpu`.
   * @default the environment's default order
   */
  prefer?: BackendName | readonly BackendName[];
  /**
   * Dawn toggles passed to `create()` of the `webgpu` package (Node only). By default Dawn
   * picks its backend (Vulkan on a machine with a GPU and a Vulkan driver) and the adapter is
   * requested at the core feature level; when that finds none, Dawn runs on its OpenGL ES
   * backend at the compatibility feature level, which works over Mesa llvmpipe on machines
   * without a GPU (slow, correctness only). Options naming `backend=opengles` always use the
   * compatibility level.
   * @default `[]` when it yields a core adapter, else ['backend=opengles']
   */
  dawnOptions?: readonly string[];
}

/** What {@link initBackend} chose. */
export interface BackendInfo {
  /** The active backend. */
  name: BackendName;
  /** The runtime. */
  environment: RuntimeEnvironment;
  /** For each candidate tried before `name`, why it was unavailable. */
  skipped: Partial<Record<BackendName, string>>;
  /** Kernels whose gradients graphgen registered (empty when they already were). */
  gradientsRegistered: string[];
}

const ALL: readonly BackendName[] = ['wasm', 'cpu', 'webgpu', 'webgl'];

function detectEnvironment(): RuntimeEnvironment {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return p?.versions?.node !== undefined ? 'node' : 'browser';
}

/**
 * Throws a `BackendError` when the active tfjs backend cannot read tensors synchronously:
 * `webgpu` in Node (tfjs's `dataSync` there needs `OffscreenCanvas`, which Node lacks). Training
 * and sampling read losses, norms and probabilities synchronously, so they call this first
 * instead of failing deep inside tfjs; custom training loops can do the same.
 *
 * @param what - the operation, for the message (e.g. `'fit'`)
 * @throws `BackendError` for webgpu in Node
 * @example
 * ```ts
 * await initBackend({ prefer: 'wasm' });
 * assertSyncReads('my training loop'); // passes on wasm; throws on webgpu in Node
 * ```
 */
export function assertSyncReads(what: string): void {
  if (tf.getBackend() === 'webgpu' && detectEnvironment() === 'node') {
    throw new BackendError(
      `${what} needs synchronous tensor reads, which the webgpu backend does not provide in Node (tfjs's dataSync needs OffscreenCanvas); use initBackend({ prefer: 'wasm' }) for ${what} in Node, webgpu works for async forward passes (await tensor.data())`,
      { argument: 'backend', expected: 'wasm, cpu, or webgpu/webgl in a browser', actual: 'webgpu in Node' },
    );
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

interface NodeGpuModule {
  create(options: string[]): { requestAdapter(o?: Record<string, unknown>): Promise<unknown>; wgslLanguageFeatures?: unknown };
  globals: object;
}

/**
 * Installs `navigator.gpu` from the `webgpu` package (Dawn) in Node. Adapters are requested
 * at the core feature level (Vulkan on a real GPU) except on Dawn's OpenGL ES backend, which
 * needs `featureLevel: 'compatibility'`.
 */
async function installNodeWebGpu(dawnOptions: readonly string[] | undefined): Promise<void> {
  const g = globalThis as { navigator?: { gpu?: unknown } };
  if (g.navigator?.gpu !== undefined) return;
  let mod: NodeGpuModule;
  try {
    mod = (await import('webgpu')) as unknown as NodeGpuModule;
  } catch (err) {
    throw new Error(`the optional dependency "webgpu" could not be loaded (${message(err)})`);
  }
  const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
  if (env && env.EGL_PLATFORM === undefined) env.EGL_PLATFORM = 'surfaceless';
  Object.assign(globalThis, mod.globals);
  type FeatureLevel = 'core' | 'compatibility';
  const tryCreate = async (opts: readonly string[]): Promise<{ gpu: ReturnType<NodeGpuModule['create']>; featureLevel: FeatureLevel } | undefined> => {
    const featureLevel: FeatureLevel = opts.includes('backend=opengles') ? 'compatibility' : 'core';
    const gpu = mod.create([...opts]);
    const adapter = await gpu.requestAdapter({ featureLevel });
    return adapter ? { gpu, featureLevel } : undefined;
  };
  const found = dawnOptions !== undefined ? await tryCreate(dawnOptions) : ((await tryCreate([])) ?? (await tryCreate(['backend=opengles'])));
  if (found === undefined) {
    const tried = dawnOptions !== undefined ? `toggles [${dawnOptions.join(', ')}]` : 'default toggles at the core feature level, then backend=opengles at the compatibility level';
    throw new Error(`Dawn found no WebGPU adapter (tried ${tried})`);
  }
  const { gpu, featureLevel } = found;
  const wrapped = {
    requestAdapter: (o?: Record<string, unknown>) => gpu.requestAdapter({ ...(o ?? {}), featureLevel }),
    getPreferredCanvasFormat: () => 'rgba8unorm',
    wgslLanguageFeatures: gpu.wgslLanguageFeatures,
  };
  if (g.navigator === undefined) {
    Object.defineProperty(globalThis, 'navigator', { value: { gpu: wrapped }, configurable: true, writable: true });
  } else {
    g.navigator.gpu = wrapped;
  }
}

async function tryBackend(name: BackendName, env: RuntimeEnvironment, options: InitBackendOptions): Promise<void> {
  switch (name) {
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      break;
    case 'wasm':
      await import('@tensorflow/tfjs-backend-wasm');
      break;
    case 'webgpu':
      if (env === 'node') await installNodeWebGpu(options.dawnOptions);
      else if ((globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu === undefined) {
        throw new Error('navigator.gpu is undefined (this browser does not expose WebGPU)');
      }
      try {
        await import('@tensorflow/tfjs-backend-webgpu');
      } catch (err) {
        throw new Error(`the optional dependency "@tensorflow/tfjs-backend-webgpu" could not be loaded (${message(err)})`);
      }
      break;
    case 'webgl':
      if (env === 'node') throw new Error('webgl needs a browser (no WebGL context in Node)');
      throw new Error('@tensorflow/tfjs-backend-webgl is not a dependency of graphgen; import it yourself and call tf.setBackend("webgl")');
  }
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
  } catch (err) {
    throw new Error(message(err));
  }
  if (!ok) throw new Error(`tf.setBackend("${name}") returned false (the backend failed to initialise)`);
  await tf.ready();
}

/**
 * Chooses, initialises and activates a tfjs backend, and registers graphgen's gradients
 * (see {@link registerGradients}). On wasm it also replaces tfjs's `Identity` kernel, which
 * copies, by a zero-copy one that shares the reference-counted buffer (as the cpu backend's
 * does): autodiff keeps every tensor a gradient needs through `Identity`. Call it once before
 * building modules.
 *
 * Defaults: in Node `wasm` (SIMD, one thread) then `cpu`; in a browser `webgpu` > `webgl` >
 * `wasm` > `cpu`. `webgpu` in Node goes through the optional `webgpu` package (Dawn); without a
 * GPU it runs on Dawn's OpenGL ES backend over llvmpipe, which is correct but 5-10x slower
 * than wasm. `@tensorflow/tfjs-node` is not supported (it cannot be installed from the
 * registry alone).
 *
 * @param options - see {@link InitBackendOptions}
 * @returns the chosen backend and why earlier candidates were skipped
 * @throws `BackendError` when no candidate in `prefer` can be initialised; the message
 *   names each candidate and the reason it failed
 * @throws `InputError` for an unknown backend name
 *
 * @example
 * ```ts
 * const info = await initBackend();                 // wasm in Node
 * await initBackend({ prefer: 'cpu' });              // force the pure-JS backend
 * await initBackend({ prefer: ['webgpu', 'wasm'] }); // webgpu if it works, else wasm
 * ```
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  const env = detectEnvironment();
  const prefer = options.prefer;
  const candidates: readonly BackendName[] =
    prefer === undefined
      ? env === 'node'
        ? ['wasm', 'cpu']
        : ['webgpu', 'webgl', 'wasm', 'cpu']
      : typeof prefer === 'string'
        ? [prefer]
        : prefer;
  if (!Array.isArray(candidates) || (candidates as readonly BackendName[]).length === 0) {
    throw InputError.invalid('options.prefer', 'a backend name or a non-empty list of names', describeValue(prefer));
  }
  for (const c of candidates as readonly BackendName[]) {
    if (!ALL.includes(c)) throw InputError.invalid('options.prefer', `one of ${ALL.join(', ')}`, describeValue(c));
  }
  const gradientsRegistered = registerGradients();
  const skipped: Partial<Record<BackendName, string>> = {};
  for (const name of candidates as readonly BackendName[]) {
    try {
      await tryBackend(name, env, options);
      if (name === 'wasm') registerWasmKernels();
      return { name, environment: env, skipped, gradientsRegistered };
    } catch (err) {
      skipped[name] = message(err);
    }
  }
  const why = (candidates as readonly BackendName[]).map((c) => `${c}: ${skipped[c]}`).join('; ');
  throw new BackendError(`no requested tfjs backend is available (${why})`, {
    argument: 'options.prefer',
    expected: `an available backend among ${(candidates as readonly BackendName[]).join(', ')}`,
    actual: why,
  });
}

/**
 * Releases process-wide resources a backend holds so that Node can exit: for `webgpu` in
 * Node it disposes the backend and removes `navigator.gpu` (Dawn otherwise keeps the event
 * loop alive). Safe to call for any backend. The backend is unregistered: it cannot be
 * initialised again in the same process.
 *
 * @example
 * ```ts
 * await initBackend({ prefer: 'webgpu' });
 * // ... work ...
 * releaseBackend('webgpu');
 * ```
 */
export function releaseBackend(name: BackendName): void {
  if (tf.findBackend(name) !== null) tf.removeBackend(name);
  if (name === 'webgpu' && detectEnvironment() === 'node') {
    const g = globalThis as { navigator?: { gpu?: unknown } };
    if (g.navigator !== undefined) delete g.navigator.gpu;
  }
}
