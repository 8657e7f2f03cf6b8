import { Type } from 'typebox';
import type { FieldError } from '../../../shared/errors.js';
import { templateProblem } from '../render-worker.js';
import type { KindDefinition } from './definition.js';
import { Name } from './definition.js';
import { col } from './presentation.js';

/** Content: assets, email layouts, snippets and collections. */

/** The file types an asset may be (SVG is not: it can carry script). */
export const assetTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;

/** A layout or a snippet is Liquid pasted into messages: it must parse on its own. */
function liquidProblem(path: string, text: string): FieldError | null {
  const problem = templateProblem(text);
  return problem ? { path, message: `not a valid template: ${problem}` } : null;
}

const AssetBody = Type.Object(
  {
    name: Name,
    contentType: Type.String(),
    size: Type.Integer({ minimum: 0 }),
    sha256: Type.String(),
  },
  { additionalProperties: false },
);

export const assets: KindDefinition<typeof AssetBody> = {
  kind: 'asset',
  path: 'assets',
  prefix: 'ast',
  label: 'Asset',
  body: AssetBody,
  permissions: {
    view: 'assets.view',
    create: 'assets.upload',
    edit: 'assets.upload',
    delete: 'assets.delete',
  },
  presentation: {
    plural: 'Assets',
    group: 'Content',
    description: 'Assets are the images and PDF files your messages use. Upload one to use it in a message.',
    columns: [col('Type', 'contentType', 'badge'), col('Size', 'size', 'bytes')],
  },
  routes: 'read-delete',
};

const LayoutBody = Type.Object(
  {
    name: Name,
    html: Type.String({
      maxLength: 500_000,
      pattern: '\\{\\{\\s*content\\s*\\}\\}',
      title: 'HTML',
      description: 'The message goes where {{ content }} is',
    }),
  },
  { additionalProperties: false },
);

export const layouts: KindDefinition<typeof LayoutBody> = {
  kind: 'layout',
  path: 'layouts',
  prefix: 'lay',
  label: 'Email layout',
  body: LayoutBody,
  permissions: {
    view: 'layouts.view',
    create: 'layouts.create',
    edit: 'layouts.edit',
    delete: 'layouts.delete',
  },
  presentation: {
    plural: 'Layouts',
    group: 'Content',
    description:
      'A layout is the HTML around your email messages (your logo, your footer); the message goes where {{ content }} is.',
    columns: [col('HTML', 'html', 'bytes')],
  },
  copyable: true,
  validate: (body) => liquidProblem('/html', body.html),
};

const SnippetBody = Type.Object(
  {
    name: Type.String({
      pattern: '^[A-Za-z0-9_]{1,100}$',
      title: 'Name',
      description: 'Used in messages as {{ snippets.<name> }}',
    }),
    value: Type.String({ maxLength: 100_000, title: 'Value', description: 'The text or HTML it stands for' }),
  },
  { additionalProperties: false },
);

export const snippets: KindDefinition<typeof SnippetBody> = {
  kind: 'snippet',
  path: 'snippets',
  prefix: 'snp',
  label: 'Snippet',
  body: SnippetBody,
  permissions: {
    view: 'snippets.view',
    create: 'snippets.create',
    edit: 'snippets.edit',
    delete: 'snippets.delete',
  },
  presentation: {
    plural: 'Snippets',
    group: 'Content',
    description:
      'A snippet is a piece of text or HTML you reuse in messages, such as a footer, written as {{ snippets.<name> }}.',
    columns: [col('Use as', 'name', 'code', '{{ snippets.%s }}'), col('Value', 'value')],
  },
  copyable: true,
  // Messages name a snippet in their text: a copy under another name would not be the same snippet.
  renameOnCopy: false,
  validate: (body) => liquidProblem('/value', body.value),
};

const CollectionBody = Type.Object(
  {
    name: Name,
    data: Type.Array(Type.Record(Type.String({ maxLength: 150 }), Type.Unknown()), {
      maxItems: 10_000,
      title: 'Data',
      description: 'The data set: a list of JSON objects, used in messages',
    }),
  },
  { additionalProperties: false },
);

export const collections: KindDefinition<typeof CollectionBody> = {
  kind: 'collection',
  path: 'collections',
  prefix: 'col',
  label: 'Collection',
  body: CollectionBody,
  permissions: {
    view: 'collections.view',
    create: 'collections.create',
    edit: 'collections.edit',
    delete: 'collections.delete',
  },
  presentation: {
    plural: 'Collections',
    group: 'Content',
    description: 'A collection is a data set your messages can use, such as a list of products.',
    columns: [col('Rows', 'data', 'count')],
  },
};
