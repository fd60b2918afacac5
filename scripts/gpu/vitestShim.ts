/**
 * A tiny stand-in for the parts of vitest's API that test/layers/webgpu.test.ts uses, so that
 * the test can be bundled by esbuild (`--alias:vitest=./scripts/gpu/vitestShim.ts`) into one
 * .mjs file and run with a bare `node` on a machine without node_modules (the lent GPU
 * machine, see scripts/gpu/README.md). Not used by the test suite itself.
 */
type Fn = (ctx: { annotate: (message: string) => Promise<void> }) => unknown;

interface Suite {
  title: string;
  skip: boolean;
  tests: { title: string; fn: Fn }[];
  afterAll: (() => unknown)[];
}

const suites: Suite[] = [];
let current: Suite | undefined;

function register(title: string, body: () => void, skip: boolean): void {
  const s: Suite = { title, skip, tests: [], afterAll: [] };
  suites.push(s);
  current = s;
  body();
  current = undefined;
}

/** `describe(title, body)` and `describe.skipIf(cond)(title, body)`. */
export const describe = Object.assign((title: string, body: () => void) => register(title, body, false), {
  skipIf: (cond: boolean) => (title: string, body: () => void) => register(title, body, cond),
});

/** Registers a test in the current suite. */
export function it(title: string, fn: Fn): void {
  if (current === undefined) throw new Error('it() outside describe() is not supported by the shim');
  current.tests.push({ title, fn });
}

/** Registers a hook run after the suite's tests. */
export function afterAll(fn: () => unknown): void {
  current?.afterAll.push(fn);
}

/** The matchers the test uses. */
export function expect(actual: unknown, message?: string) {
  const fail = (what: string) => {
    throw new Error(`${message ? message + ': ' : ''}expected ${String(actual)} ${what}`);
  };
  return {
    toBeLessThan: (n: number) => (typeof actual === 'number' && actual < n ? undefined : fail(`to be less than ${n}`)),
    toBe: (v: unknown) => (Object.is(actual, v) ? undefined : fail(`to be ${String(v)}`)),
  };
}

/** Runs every registered suite; returns the number of failed tests. */
export async function runAll(log: (line: string) => void): Promise<number> {
  let failed = 0;
  for (const s of suites) {
    log(`${s.skip ? 'SKIP' : 'SUITE'} ${s.title}`);
    if (s.skip) continue;
    for (const t of s.tests) {
      const t0 = performance.now();
      try {
        await t.fn({ annotate: async (m) => log(`  note: ${m}`) });
        log(`  PASS ${t.title} (${(performance.now() - t0).toFixed(0)} ms)`);
      } catch (err) {
        failed++;
        log(`  FAIL ${t.title}: ${(err as Error).stack ?? String(err)}`);
      }
    }
    for (const h of s.afterAll) await h();
  }
  return failed;
}
