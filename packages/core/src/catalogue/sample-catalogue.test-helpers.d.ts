import type { Problem } from './problems.js';
/** The smallest catalogue that uses every kind of cross-reference, valid and warning-free. */
export declare function sample(): {
    concepts: unknown[];
    sources: unknown[];
    licences: unknown[];
    matters: Record<string, unknown>[];
};
/** The problem matching every given property, or a failure listing all the problems there are. */
export declare function expectProblem(load: {
    problems: Problem[];
}, expected: Partial<Problem>): Problem;
//# sourceMappingURL=sample-catalogue.test-helpers.d.ts.map