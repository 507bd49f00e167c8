// Types for the benchmark generator, which test/golden/golden-cases.ts imports.
export declare const GENERATOR_VERSION: number;
/** Builds (or reuses) a repository of `files` tracked files at `root`; returns its path. */
export declare function generateRepo(root: string, files: number, seed?: number): string;
