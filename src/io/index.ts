/**
 * Reading and writing graphs as text: graph6 and sparse6 (B. McKay's formats, byte-compatible
 * with nauty and networkx), graphgen's edge-list text and JSON (both keep labels), and a
 * format dispatcher. Parsers are strict: malformed input raises a `FormatError` with the
 * 1-based line number, nothing is skipped silently. Everything here is pure: it works on
 * strings, never on files (the CLI and the dataset loaders read files).
 *
 * @module io
 */
export * from './parseGraph6.js';
export * from './formatGraph6.js';
export * from './parseSparse6.js';
export * from './formatSparse6.js';
export * from './parseEdgeList.js';
export * from './formatEdgeList.js';
export * from './parseGraphJson.js';
export * from './formatGraphJson.js';
export * from './parseGraphs.js';
export * from './formatGraphs.js';
