// Writes docs/openapi.json from the route schemas. CI fails when the committed file drifts
// (apps/api/src/openapi.test.ts); run `npm run openapi` after changing a route.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@madoguchi/db';
import { buildApp } from '../src/app';
import { openApiDocumentText } from '../src/openapi-document';

const target = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));
const db = await openDatabase({ engine: 'pglite', dataDir: null });
const app = await buildApp({ db, logger: false });
await writeFile(target, openApiDocumentText(app));
await app.close();
await db.close();
console.log(`wrote ${target}`);
