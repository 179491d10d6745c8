/** The part of an OpenAPI 3 schema object the fuzzer reads. */
export interface Schema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly format?: string;
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface QueryParameter {
  readonly name: string;
  readonly required: boolean;
  readonly schema: Schema;
}

/** One documented method on one path, as the service itself describes it. */
export interface Operation {
  readonly method: string;
  /** The path with `{name}` placeholders, e.g. /api/v1/cases/{id}/persons. */
  readonly template: string;
  readonly pathParameters: readonly string[];
  readonly query: readonly QueryParameter[];
  /** Null when the operation documents no JSON body. */
  readonly body: Schema | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

/** Every path and method of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        pathParameters: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        query: (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      })),
  );
}

/** A schema with its `$ref` (and the single `allOf` swagger emits for described refs) followed. */
export function resolverOf(doc: OpenApiDocument): (schema: Schema) => Schema {
  const schemas = doc.components?.schemas ?? {};
  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {});
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  };
  return resolve;
}
