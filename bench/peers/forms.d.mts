// Types for test/bench-peers.node.test.ts.
export const CONTROLS_PER_GROUP: number;
export function controlsFor(fields: number): number;
export function labelledFor(library: string, fields: number): number;
