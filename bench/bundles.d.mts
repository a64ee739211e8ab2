// Types for test/bench-bundles.node.test.ts.
export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}
export interface ChunkSize extends FileSize {
  loaded: 'at once' | 'on demand' | 'unreached';
}
export const BUDGET: { ceiling: number; aim: number };
export function chunkFiles(folder?: string): Promise<string[]>;
export function reachableChunks(file?: string): Promise<Map<string, boolean>>;
export function modulesBySize(file?: string): Promise<[string, number][]>;
export function bundleReport(): Promise<{
  entry: FileSize | undefined;
  chunks: ChunkSize[];
  firstVisit: number;
  missing: string[];
  designer: FileSize | undefined;
  designerChunks: FileSize[];
  modules: [string, number][];
}>;
export function printBundles(): Promise<void>;
