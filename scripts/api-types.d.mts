// Types of api-types.mjs, for the test that imports it (test/web/api-schema.int-spec.ts).
export declare const API_TYPES_FILE: string;
export declare function renderApiTypes(document: unknown): Promise<string>;
