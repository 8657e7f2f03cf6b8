import SCIMMY from 'scimmy';
import { degressGroup, egressGroups, ingressGroup } from './groups.js';
import { guard } from './guard.js';
import { degressUser, egressUsers, ingressUser } from './users.js';

let declared = false;

/**
 * Declares our Users and Groups to scimmy (a process-wide singleton: once per process) and what the
 * service supports. `basepath` is the absolute /scim/v2 URL resources' meta.location starts with.
 */
export function declareScim(basepath: string): void {
  setBasepath(basepath);
  if (declared) return;
  declared = true;
  SCIMMY.Config.set({
    documentationUri: undefined,
    patch: true,
    filter: 200,
    bulk: false,
    changePassword: false,
    sort: false,
    etag: false,
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description:
          'A SCIM token of the account (the console’s Security page, Provisioning (SCIM)), as Authorization: Bearer <token>.',
        primary: true,
      },
    ],
  });
  // Entra ID sends the enterprise extension (employeeNumber, department…): accepted, not kept.
  SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false))
    .ingress(guard(ingressUser))
    .egress(guard(egressUsers))
    .degress(guard(degressUser));
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress(guard(ingressGroup))
    .egress(guard(egressGroups))
    .degress(guard(degressGroup));
}

/**
 * Where resources' meta.location points: scimmy keeps it process-wide, so it is set from the
 * public URL at each request (one service per process in production; tests run several).
 */
export function setBasepath(basepath: string): void {
  SCIMMY.Resources.User.basepath(basepath);
  SCIMMY.Resources.Group.basepath(basepath);
  SCIMMY.Resources.Schema.basepath(basepath);
  SCIMMY.Resources.ResourceType.basepath(basepath);
  SCIMMY.Resources.ServiceProviderConfig.basepath(basepath);
}
