/**
 * A chunk of the browser bundle (SPEC §9) as the code that needs it sees it: fetched once for
 * the page, then at hand (`loaded`) for whatever is drawn after; a failed fetch is not kept,
 * so the next use asks again. `load` is the `import()` itself, so bundlers see the chunk.
 */
export interface Chunk<T> {
  (): Promise<T>;
  /** The module, once it is here. */
  readonly loaded: T | undefined;
}

export function chunk<T>(load: () => Promise<T>): Chunk<T> {
  let fetching: Promise<T> | undefined;
  let loaded: T | undefined;
  const get = () =>
    (fetching ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        fetching = undefined;
        throw error;
      },
    ));
  return Object.defineProperty(get, 'loaded', { get: () => loaded }) as Chunk<T>;
}
