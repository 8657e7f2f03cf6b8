import { writeFile } from 'node:fs/promises';
import { openApiDocument } from './openapi-document.js';
import { SDK_TYPES_FILE, sdkTypes } from './sdk-types.js';

/** `npm run generate:sdk`: regenerates sdk/src/schema.ts from the routes' schemas. */
const document = await openApiDocument();
await writeFile(SDK_TYPES_FILE, await sdkTypes(document));
console.log(`wrote ${SDK_TYPES_FILE.pathname}`);
