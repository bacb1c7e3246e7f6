import { z } from 'zod';

/**
 * A request DTO made from a request schema of the contracts (libs/shared/contracts/src/requests).
 * The schema is the one definition of the shape: `SchemaValidationPipe` checks requests with it,
 * the web forms validate with it, and the OpenAPI document describes it (Nest's Swagger module reads
 * `_OPENAPI_METADATA_FACTORY`, the hook its own compiler plugin uses).
 *
 *   export class CreateCommentDto extends SchemaDto(createCommentSchema) {}
 */
export interface SchemaDtoClass<S extends z.ZodObject> {
  new (): z.output<S>;
  readonly schema: S;
}

export function SchemaDto<S extends z.ZodObject>(schema: S): SchemaDtoClass<S> {
  class RequestSchemaDto {
    static readonly schema = schema;
    static _OPENAPI_METADATA_FACTORY(): Record<string, Record<string, unknown>> {
      return openApiProperties(schema);
    }
  }
  return RequestSchemaDto as unknown as SchemaDtoClass<S>;
}

/** The schema's request shape (what a client sends), property by property, as OpenAPI 3.0 describes it. */
export function openApiProperties(schema: z.ZodObject): Record<string, Record<string, unknown>> {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.fromEntries(
    Object.entries(json.properties ?? {}).map(([name, property]) => [
      name,
      { ...withoutJsonSchemaKeys(property), required: required.has(name) },
    ]),
  );
}

/** JSON Schema keywords OpenAPI 3.0's schema object does not have. */
function withoutJsonSchemaKeys(property: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, id: _id, ...rest } = property;
  return rest;
}

export function hasRequestSchema(metatype: unknown): metatype is { schema: z.ZodType } {
  return typeof metatype === 'function' && (metatype as { schema?: unknown }).schema instanceof z.ZodType;
}
