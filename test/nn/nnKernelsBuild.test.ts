import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NN_KERNELS_WASM_BASE64 } from '../../src/nn/kernels/nnKernelsWasm.js';

const root = new URL('../../', import.meta.url);

interface BuildScript {
  buildNnKernels: () => Promise<Uint8Array>;
  moduleText: (bytes: Uint8Array) => string;
}

describe('graphgen/nn wasm kernels (src/nn/kernels)', () => {
  it('nnKernelsWasm.ts is what build.mjs builds from the C source (reproducible build)', async () => {
    const { buildNnKernels, moduleText } = (await import(new URL('src/nn/kernels/build.mjs', root).href)) as BuildScript;
    const fresh = moduleText(await buildNnKernels());
    expect(fresh).toBe(readFileSync(new URL('src/nn/kernels/nnKernelsWasm.ts', root), 'utf8'));
  }, 120_000);

  it('imports only a memory, exports the kernels and its stack pointer, and has no data segments', () => {
    const bytes = Buffer.from(NN_KERNELS_WASM_BASE64, 'base64');
    const mod = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.imports(mod)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    const names = WebAssembly.Module.exports(mod).map((e) => e.name);
    for (const n of ['gg_film_attn_fwd', 'gg_film_attn_bwd', 'gg_layer_norm_fwd', 'gg_layer_norm_bwd', 'gg_transpose2d', 'gg_middle_sum', 'gg_pooled_stats_fwd', 'gg_pooled_stats_bwd', '__stack_pointer']) expect(names).toContain(n);
    // section ids: no data section (11), which would be written into tfjs's heap
    const ids: number[] = [];
    for (let p = 8; p < bytes.length; ) {
      ids.push(bytes[p++]);
      let size = 0;
      for (let shift = 0; ; shift += 7) {
        const b = bytes[p++];
        size |= (b & 0x7f) << shift;
        if ((b & 0x80) === 0) break;
      }
      p += size;
    }
    expect(ids).not.toContain(11);
  });
});
