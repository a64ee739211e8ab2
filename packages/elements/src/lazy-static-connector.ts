/**
 * `staticConnector` as the bundle exports it (SPEC §5 "Exports"): the same connector over the
 * fixtures, its code fetched as a chunk of its own on the first question. Form pages on a
 * gateway never use it, so it stays out of the entry (SPEC §9's budget); its methods already
 * return promises, so waiting for the chunk changes nothing for callers.
 */
import type { Connector, StaticConnectorOptions } from '@matterform/core';

export function staticConnector(options: StaticConnectorOptions): Connector {
  let loaded: Promise<Required<Pick<Connector, 'source' | 'licences' | 'archive'>>> | undefined;
  const load = () =>
    (loaded ??= import('@matterform/core/static-connector').then(
      (module) => module.staticConnector(options) as Required<Pick<Connector, 'source' | 'licences' | 'archive'>>,
    ));
  return {
    sources: '*',
    source: async (id, request) => (await load()).source(id, request),
    licences: async (request) => (await load()).licences(request),
    archive: async (request) => (await load()).archive(request),
  };
}
