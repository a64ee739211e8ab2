// Types of static-server.mjs for the TypeScript tests that import it.
export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export function serveStatic(root: string): Promise<StaticServer>;
