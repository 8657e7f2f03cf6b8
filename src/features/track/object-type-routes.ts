import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Id, problems, WorkspaceParams } from '../../http/schemas.js';
import { objectTypeNumbers } from './object-types.js';

/** The number of each object type, as a Track API client names it in `object_type_id`. */
export function objectTypeNumberRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/workspaces/:workspaceId/object-type-numbers',
    {
      config: { access: 'object_types.view' },
      schema: {
        tags: ['Object type'],
        summary: 'The number of each object type: what a Track API client sends as object_type_id',
        description:
          'Customer.io numbers object types 1, 2, … in the order they were created; so does Atrium. A type keeps its number for good, and a deleted type’s number is not given again. The Track API also takes the type’s id (ot_…).',
        params: WorkspaceParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ number: Type.Integer({ minimum: 1 }), typeId: Id('ot'), name: Type.String() }),
            ),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req) => ({
      items: await ctx.db.transaction((tx) => objectTypeNumbers(tx, req.params.workspaceId)),
    }),
  );
}
