// Builds wasm/sinkhorn.wasm from wasm/sinkhorn.c, wasm/dense.c and wasm/gromov.c with @yowasp/clang (Clang/LLD compiled to
// WebAssembly, installed by `npm ci`; no system toolchain needed). The output has no imports
// (libm's log comes from wasi-libc and pulls no WASI calls) and is byte-for-byte reproducible:
// test/ot/wasmBuild.test.ts rebuilds it and compares with the committed file.
//
//   node wasm/build.mjs           writes wasm/sinkhorn.wasm
//   node wasm/build.mjs --check   exits 1 when the committed file differs from a fresh build
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = new URL('./', import.meta.url);

/** Exact compiler arguments; changing them changes the committed bytes. */
export const CLANG_ARGS = [
  'clang',
  '--target=wasm32-wasip1',
  '-O3',
  '-msimd128',
  '-ffp-contract=off',
  '-nostartfiles',
  '-Wl,--no-entry',
  '-Wl,--export=__heap_base',
  '-Wl,--max-memory=4294967296',
  '-Wl,--strip-debug',
  'sinkhorn.c',
  'dense.c',
  'gromov.c',
  '-o',
  'sinkhorn.wasm',
  '-lm',
];

/** Compiles the kernel and returns the .wasm bytes. */
export async function buildSinkhornWasm() {
  const { runClang } = await import('@yowasp/clang');
  const files = {
    'sinkhorn.c': readFileSync(new URL('sinkhorn.c', here), 'utf8'),
    'sinkhorn.h': readFileSync(new URL('sinkhorn.h', here), 'utf8'),
    'dense.c': readFileSync(new URL('dense.c', here), 'utf8'),
    'dense.h': readFileSync(new URL('dense.h', here), 'utf8'),
    'gromov.c': readFileSync(new URL('gromov.c', here), 'utf8'),
    'gromov.h': readFileSync(new URL('gromov.h', here), 'utf8'),
    'gg_platform.h': readFileSync(new URL('gg_platform.h', here), 'utf8'),
  };
  const out = await runClang(CLANG_ARGS, files, { fetchProgress: () => {} });
  const wasm = out['sinkhorn.wasm'];
  if (!(wasm instanceof Uint8Array)) throw new Error('clang produced no sinkhorn.wasm');
  const mod = await WebAssembly.compile(wasm);
  const imports = WebAssembly.Module.imports(mod);
  if (imports.length > 0) throw new Error(`sinkhorn.wasm must have no imports, has ${JSON.stringify(imports)}`);
  return wasm;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = new URL('sinkhorn.wasm', here);
  const bytes = await buildSinkhornWasm();
  if (process.argv.includes('--check')) {
    const same = existsSync(target) && Buffer.compare(Buffer.from(readFileSync(target)), Buffer.from(bytes)) === 0;
    process.stdout.write(same ? 'wasm/sinkhorn.wasm is up to date\n' : 'wasm/sinkhorn.wasm differs from a fresh build\n');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(target, bytes);
  process.stdout.write(`wrote wasm/sinkhorn.wasm (${bytes.length} bytes)\n`);
}
