// Types for test/bench-peers.node.test.ts, which imports run.mjs only when bench/peers is installed.
export interface Controls {
  total: number;
  labelled: number;
  kinds: Record<string, number>;
}
export const NAMES: Record<string, string>;
export function checkPages(options?: {
  fields?: number;
}): Promise<{ found: Record<string, Controls>; problems: string[] }>;
