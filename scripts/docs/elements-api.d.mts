// Types of elements-api.mjs for the TypeScript tests that import it.
export const PUBLIC_ELEMENTS: Record<string, string[]>;
export function readManifests(repo: string): { pkg: string; manifest: unknown }[];
