/**
 * `createArchive` as the bundle exports it (SPEC §5 "Exports"): an archive at once, whose
 * IndexedDB and Web Crypto code is fetched as a chunk of its own on first use — a page that
 * never keeps anything never loads it, and the bundle stays within SPEC §9's budget. It
 * behaves as `@matterform/archive`'s `createArchive`; every method but `watchDraft` and
 * `close` already returns a promise, so waiting for the chunk changes nothing for callers.
 */
import type { Archive, ArchiveOptions, ArchiveSubject } from '@matterform/archive';

export function createArchive(options: ArchiveOptions = {}): Archive {
  let loaded: Promise<Archive> | undefined;
  const load = (): Promise<Archive> =>
    (loaded ??= import('@matterform/archive').then((module) => module.createArchive(options)));
  const name = options.name ?? 'matterform-archive';
  const special: Partial<Record<keyof Archive, unknown>> = {
    name,
    watchDraft(subject: ArchiveSubject, matter: string, listener: (revision: number) => void): () => void {
      let stop: (() => void) | undefined;
      let stopped = false;
      void load().then((archive) => {
        if (!stopped) stop = archive.watchDraft(subject, matter, listener);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    close(): void {
      void loaded?.then((archive) => archive.close());
    },
  };
  return new Proxy({} as Archive, {
    get(_target, key) {
      if (Object.hasOwn(special, key)) return special[key as keyof Archive];
      // Not a thenable: `await archive` must not wait for a method call.
      if (key === 'then' || typeof key === 'symbol') return undefined;
      return (...args: unknown[]) =>
        load().then((archive) => (archive[key as keyof Archive] as (...a: unknown[]) => unknown).apply(archive, args));
    },
  });
}
