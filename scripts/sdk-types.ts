import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

export const SDK_TYPES_FILE = new URL('../sdk/src/schema.ts', import.meta.url);

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));

/**
 * The SDK's types, generated from an OpenAPI document by openapi-typescript: one `paths` entry per
 * route with its parameters, body and answers (a file body is a Blob). scripts/generate-sdk.ts
 * writes them; a test checks that the committed file matches what the service serves.
 */
export async function sdkTypes(document: Record<string, unknown>): Promise<string> {
  // openapi-typescript's own type for a document; ours is read from JSON.
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    transform: (schema) => (schema.format === 'binary' ? BLOB : undefined),
  });
  return (
    "// Generated from the service's /api/openapi.json by `npm run generate:sdk`. Do not edit.\n\n" +
    astToString(ast)
  );
}
