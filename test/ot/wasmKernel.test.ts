// The WebAssembly kernel: reproducible build from wasm/sinkhorn.c, no imports, the native C test,
// memory growth and the size limit.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../../src/core/errors.js';
import { SINKHORN_WASM_URL, instantiateSinkhornWasm, loadSinkhornWasm } from '../../src/ot/backend/loadSinkhornWasm.js';
import { sinkhorn } from '../../src/ot/sinkhorn.js';

const root = new URL('../../', import.meta.url);

function hasCc(): boolean {
  return spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;
}

describe('sinkhorn.wasm', () => {
  it('is what wasm/build.mjs builds from the C sources (reproducible build)', async () => {
    const { buildSinkhornWasm } = (await import(new URL('wasm/build.mjs', root).href)) as { buildSinkhornWasm: () => Promise<Uint8Array> };
    const fresh = await buildSinkhornWasm();
    const committed = readFileSync(SINKHORN_WASM_URL);
    expect(Buffer.compare(Buffer.from(fresh), committed)).toBe(0);
  });

  it('has no imports and the documented exports', () => {
    const mod = new WebAssembly.Module(readFileSync(SINKHORN_WASM_URL));
    expect(WebAssembly.Module.imports(mod)).toEqual([]);
    const names = WebAssembly.Module.exports(mod).map((e) => e.name);
    for (const n of ['memory', 'gg_sinkhorn_log', 'gg_sinkhorn_log_plan', 'gg_sinkhorn_knopp', 'gg_sinkhorn_knopp_plan']) expect(names).toContain(n);
  });

  const nativeTest = hasCc() ? it : it.skip;
  nativeTest(hasCc() ? 'passes the native C test (wasm/test_sinkhorn.c built with cc)' : 'native C test skipped: no `cc` on PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gg-sinkhorn-'));
    const exe = join(dir, 'test_sinkhorn');
    execFileSync('cc', ['-O2', '-o', exe, new URL('wasm/test_sinkhorn.c', root).pathname, new URL('wasm/sinkhorn.c', root).pathname, '-lm']);
    const out = execFileSync(exe, { encoding: 'utf8' });
    expect(out).toContain('all native kernel tests passed');
  });

  it('loads from bytes, a module or the default file; rejects foreign bytes', async () => {
    const bytes = readFileSync(SINKHORN_WASM_URL);
    const k1 = await loadSinkhornWasm(bytes);
    const k2 = instantiateSinkhornWasm(new WebAssembly.Module(bytes));
    const k3 = await loadSinkhornWasm();
    const r = [k1, k2, k3].map((k) => sinkhorn([0.5, 0.5], [0.25, 0.75], [[0, 1], [1, 0]], 0.1, { backend: k }).value);
    expect(r[1]).toBe(r[0]);
    expect(r[2]).toBe(r[0]);
    await expect(loadSinkhornWasm(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))).rejects.toBeInstanceOf(BackendError);
    expect(() => instantiateSinkhornWasm(new Uint8Array([1, 2, 3]))).toThrow(BackendError);
  });

  it('grows its memory for larger problems and refuses problems beyond 4 GiB', () => {
    const k = instantiateSinkhornWasm(readFileSync(SINKHORN_WASM_URL));
    const before = k.memoryBytes();
    const n = 700;
    const a = new Float64Array(n).fill(1 / n);
    const M = { rows: n, cols: n, data: new Float64Array(n * n).map((_, q) => Math.abs((q % n) - Math.floor(q / n)) / n) };
    const r = sinkhorn(a, a, M, 0.05, { backend: k, maxIter: 5, tol: 0 });
    expect(k.memoryBytes()).toBeGreaterThan(before);
    expect(r.plan.data.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
    const big = 23200; // 23200^2 * 8 bytes > 4 GiB
    const input = { n: big, m: big, M: new Float64Array(0), reg: 1, a: new Float64Array(0), b: new Float64Array(0), u: new Float64Array(0), v: new Float64Array(0), maxIter: 1, tol: 0, checkEvery: 1 };
    expect(() => k.sinkhornLog(input)).toThrow(BackendError);
    expect(() => k.sinkhornStabilized({ ...input, n: 17000, m: 17000 })).toThrow(BackendError); // 2 n m doubles > 4 GiB
  });

  it('handles very elongated problems (1 x 2^21 and 2^21 x 1) without out-of-bounds access', () => {
    const k = instantiateSinkhornWasm(readFileSync(SINKHORN_WASM_URL));
    const big = 1 << 21;
    const b = new Float64Array(big).fill(1 / big);
    const M = { rows: 1, cols: big, data: new Float64Array(big).map((_, j) => (j % 97) / 97) };
    for (const method of ['log', 'stabilized', 'knopp'] as const) {
      const r = sinkhorn([1], b, M, 0.5, { backend: k, method, maxIter: 2 });
      expect(r.plan.data.length).toBe(big);
      expect(r.plan.data[big - 1]).toBeCloseTo(1 / big, 15);
      const t = sinkhorn(b, [1], { rows: big, cols: 1, data: M.data }, 0.5, { backend: k, method, maxIter: 2 });
      expect(t.plan.data[0]).toBeCloseTo(1 / big, 15);
    }
  });
});
