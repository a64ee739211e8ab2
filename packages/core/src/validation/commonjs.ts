/**
 * ajv and ajv-formats are CommonJS modules with `exports.default`: Node's ES module loader
 * hands a default import `module.exports`, bundlers hand it `exports.default`. This takes
 * whichever is there, so one import works in Node, the test runner and the bundle.
 */
export function interopDefault<T>(module: { default: T }): T {
  return (module as { default?: T }).default ?? (module as unknown as T);
}
