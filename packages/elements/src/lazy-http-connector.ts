/**
 * `httpConnector` as the bundle exports it (SPEC §5 "Exports"): the same connector to the
 * gateway (SPEC §6), its code fetched with the prefill's chunk on the first question, which a
 * form asks only after it has drawn its first step. Its methods already return promises, so
 * waiting for the chunk changes nothing for callers; `gateway` is resolved at once, by the
 * core's rule.
 */
import { gatewayBase, type HttpConnector, type HttpConnectorOptions } from '@matterform/core';

export function httpConnector(options: HttpConnectorOptions): HttpConnector {
  let loaded: Promise<Required<HttpConnector>> | undefined;
  const load = () =>
    (loaded ??= import('./form/prefill-work.js').then(
      (module) => module.httpConnector(options) as Required<HttpConnector>,
    ));
  const base = gatewayBase(options.gateway);
  return {
    gateway: base.href.replace(/\/$/, ''),
    sources: options.sources ?? '*',
    source: async (id, request) => (await load()).source(id, request),
    licences: async (request) => (await load()).licences(request),
    archive: async (request) => (await load()).archive(request),
    subject: async (subjectOptions) => (await load()).subject(subjectOptions),
  };
}
