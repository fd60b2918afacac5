#!/usr/bin/env bash
# Builds .gpu/ (ignored through .git/info/exclude): the two bundled probes (parity.mjs =
# test/layers/webgpu.test.ts on a vitest shim, gpuBench.mjs), tfjs's wasm binaries, and
# runtime.tar.xz = a node binary + the webgpu package's linux-x64 dawn.node. Usage, in the repo root:
#   bash scripts/gpu/pack.sh
# then carry `.gpu` (and `.gl`, the Vulkan/EGL loaders) in the device tool's `run`; see README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || { mkdir -p .git/info; echo /.gpu/ >> .git/info/exclude; }
mkdir -p .gpu
banner="import { createRequire as __gg_cr } from 'node:module'; import { fileURLToPath as __gg_fu } from 'node:url'; import { dirname as __gg_dn } from 'node:path'; const require = __gg_cr(import.meta.url); const __filename = __gg_fu(import.meta.url); const __dirname = __gg_dn(__filename);"
common=(--bundle --platform=node --format=esm --target=node20 --external:webgpu "--banner:js=$banner" --log-level=warning)
node_modules/.bin/esbuild scripts/gpu/parityEntry.ts "${common[@]}" --alias:vitest=./scripts/gpu/vitestShim.ts --outfile=.gpu/parity.mjs
node_modules/.bin/esbuild scripts/gpu/gpuBench.ts "${common[@]}" --outfile=.gpu/gpuBench.mjs
cp node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm .gpu/
# The runtime (node binary, dawn.node) changes rarely: packed once, xz'd (99 + 21 MB -> 27 MB).
if [ ! -f .gpu/runtime.tar.xz ] || [ "${REPACK_RUNTIME:-0}" = 1 ]; then
  stage=$(mktemp -d)
  trap 'rm -rf "$stage"' EXIT
  mkdir -p "$stage/node_modules/webgpu/dist/linux-x64" "$stage/bin"
  cp node_modules/webgpu/index.js node_modules/webgpu/package.json "$stage/node_modules/webgpu/"
  cp node_modules/webgpu/dist/linux-x64/dawn.node "$stage/node_modules/webgpu/dist/linux-x64/"
  cp "$(readlink -f "$(command -v node)")" "$stage/bin/node"
  tar -C "$stage" -cf - . | xz -T2 -6 > .gpu/runtime.tar.xz
fi
ls -la .gpu
