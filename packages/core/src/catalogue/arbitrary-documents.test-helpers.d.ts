import fc from 'fast-check';
type Json = null | boolean | number | string | Json[] | {
    [key: string]: Json;
};
/** One change to a document; `at` picks the slot among the document's slots (modulo their count). */
export type Mutation = {
    op: 'replace';
    at: number;
    value: Json;
} | {
    op: 'delete';
    at: number;
} | {
    op: 'add';
    at: number;
    key: string;
    value: Json;
} | {
    op: 'rename-id';
    at: number;
    id: string;
} | {
    op: 'schema';
    at: number;
    key: string;
    value: Json;
} | {
    op: 'many';
    at: number;
    count: number;
};
/** Applies `mutations` to a copy of `document` (which is not changed). */
export declare function mutate(document: Json, mutations: readonly Mutation[]): Json;
export interface ArbitraryCatalogue {
    /** The catalogue as one object (`loadCatalogue`). */
    catalogue: Json;
    mutations: Mutation[];
}
/** A catalogue object: the sample's skeleton with 1–4 mutations anywhere in it. */
export declare function arbitraryCatalogue(): fc.Arbitrary<ArbitraryCatalogue>;
/** A matter document alone: the sample's matter with 1–4 mutations, most of them inside its schema. */
export declare function arbitraryMatter(): fc.Arbitrary<Json>;
/**
 * Edits to a document's JSON text that no object can hold: a number out of double range,
 * a lone surrogate escape, a BOM, a truncated text, a duplicated key.
 */
export type TextEdit = 'none' | 'big-number' | 'lone-surrogate' | 'bom' | 'truncate' | 'duplicate-key';
export declare const textEdit: fc.Arbitrary<TextEdit>;
export declare function editText(text: string, edit: TextEdit): string;
export {};
//# sourceMappingURL=arbitrary-documents.test-helpers.d.ts.map