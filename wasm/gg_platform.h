/*
 * Platform macros shared by the kernels (sinkhorn.c, dense.c, gromov.c): GG_SIMD when compiled
 * with wasm SIMD (-msimd128), and GG_EXPORT(name) naming a WebAssembly export (empty natively,
 * so the same sources build with plain `cc` for the native tests).
 */
#ifndef GRAPHGEN_GG_PLATFORM_H
#define GRAPHGEN_GG_PLATFORM_H

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#define GG_SIMD 1
#endif

#if defined(__wasm__)
#define GG_EXPORT(name) __attribute__((export_name(#name)))
#else
#define GG_EXPORT(name)
#endif

#endif
