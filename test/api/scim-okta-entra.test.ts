/**
 * The request sequences Okta and Microsoft Entra ID send to provision people and groups, written
 * from their published guides:
 * - Okta: "Okta and SCIM Version 2.0", https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20
 *   (lookup by userName eq with startIndex=1&count=100, create, PUT to update, PATCH replace
 *   value {active:false|true}, groups: create, PATCH replace value {id, displayName}, PATCH add
 *   path members, PATCH remove path members[value eq "…"], DELETE).
 * - Entra ID: "Tutorial: Develop and plan provisioning for a SCIM endpoint",
 *   https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
 *   (request examples: create with the enterprise extension and meta, capitalised ops, paths like
 *   emails[type eq "work"].value and name.familyName, active as "False", members add/remove with
 *   value lists, excludedAttributes=members, DELETE), and the known issues page
 *   https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 *   (booleans sent as strings).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { uniqueEmail } from '../support/client.js';
import { addMember } from '../support/members.js';
import {
  createScimToken,
  expectScimError,
  GROUP_SCHEMA,
  PATCH_OP,
  scimClient,
  USER_SCHEMA,
} from '../support/scim.js';
import { startService, type TestService } from '../support/service.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const q = (filter: string) => encodeURIComponent(filter);

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

async function account(plan = 'premium') {
  const admin = service.client();
  const signup = await admin.signup({ plan });
  const token = await createScimToken(admin);
  return { admin, signup, scim: scimClient(service, token) };
}

async function activity(admin: ReturnType<TestService['client']>) {
  const reply = await admin.get('/api/account/activity');
  expect(reply.status).toBe(200);
  return reply.body.items as {
    action: string;
    actor: { name: string; memberId: string | null };
    summary: string;
  }[];
}

describe('Okta', () => {
  test('provision, update, deactivate, reactivate a user; push a group with members', async () => {
    const { admin, scim } = await account();
    const email = uniqueEmail('okta.user');

    // 1. Okta looks the user up by userName before creating them.
    const lookup = await scim.get(`/Users?filter=${q(`userName eq "${email}"`)}&startIndex=1&count=100`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [] });

    // 2. Create (Okta sends its app profile: displayName, locale, password, groups, externalId).
    const created = await scim.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: email,
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ primary: true, value: email, type: 'work' }],
      displayName: 'Test User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ userName: email, active: true, externalId: '00ujl29u0le5T6Aj10h7' });

    // 3. Read it back, then 4. update the profile with PUT (the whole user).
    expect((await scim.get(`/Users/${id}`)).body.userName).toBe(email);
    const put = await scim.put(`/Users/${id}`, {
      schemas: [USER_SCHEMA],
      id,
      userName: email,
      name: { givenName: 'Another', familyName: 'User' },
      emails: [{ primary: true, value: email, type: 'work' }],
      displayName: 'Another User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      active: true,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.name).toMatchObject({ givenName: 'Another', familyName: 'User' });

    // 5. Deactivate: PATCH replace with a value object and no path.
    const off = await scim.patch(`/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.active).toBe(false);
    const team = await admin.get(`/api/team-members/${id}`);
    expect(team.body).toMatchObject({ status: 'deactivated', firstName: 'Another' });

    // 6. Reactivate.
    const on = await scim.patch(`/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(on.body.active).toBe(true);

    // Groups: 7. create (empty), 8. rename with replace {id, displayName}, 9. add members,
    // 10. remove one by filter, 11. look up by displayName, 12. delete.
    const other = await scim.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: uniqueEmail('okta.other'),
      name: { givenName: 'Other', familyName: 'Person' },
      active: true,
    });
    const group = await scim.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Test SCIMv2',
      members: [],
    });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const gid = group.body.id as string;
    const renamed = await scim.patch(`/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { id: gid, displayName: 'Engineering' } }],
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.displayName).toBe('Engineering');
    const added = await scim.patch(`/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [
        {
          op: 'add',
          path: 'members',
          value: [
            { value: id, display: email },
            { value: other.body.id, display: other.body.userName },
          ],
        },
      ],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.members.map((m: { value: string }) => m.value).sort()).toEqual(
      [id, other.body.id].sort(),
    );
    const removed = await scim.patch(`/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${other.body.id}"]` }],
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.members.map((m: { value: string }) => m.value)).toEqual([id]);
    const found = await scim.get(
      `/Groups?filter=${q('displayName eq "Engineering"')}&startIndex=1&count=100`,
    );
    expect(found.body.Resources.map((g: { id: string }) => g.id)).toEqual([gid]);
    expect((await scim.delete(`/Groups/${gid}`)).status).toBe(204);
    expectScimError(await scim.get(`/Groups/${gid}`), 404);

    // Everything above is in the activity log, done by "SCIM".
    const entries = (await activity(admin)).filter((e) => e.actor.name === 'SCIM');
    expect(entries.every((e) => e.actor.memberId === null)).toBe(true);
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'team_member.provisioned',
        'team_member.updated',
        'team_member.deactivated',
        'team_member.reactivated',
        'scim_group.created',
        'scim_group.updated',
        'scim_group.members_changed',
        'scim_group.deleted',
      ]),
    );
    expect(entries.map((e) => e.summary)).toContain('SCIM deactivated Another User');
  });
});

describe('Entra ID', () => {
  test('provision, update, disable with "False", delete a user; push a group with members', async () => {
    const { admin, scim } = await account();
    const email = uniqueEmail('entra.user');

    const lookup = await scim.get(`/Users?filter=${q(`userName eq "${email}"`)}`);
    expect(lookup.body.totalResults).toBe(0);
    const created = await scim.post('/Users', {
      schemas: [USER_SCHEMA, ENTERPRISE],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: email,
      active: true,
      emails: [{ primary: true, type: 'work', value: email }],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
      [ENTERPRISE]: { employeeNumber: '99887766', department: 'Sales' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const byExternal = await scim.get(
      `/Users?filter=${q('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"')}`,
    );
    expect(byExternal.body.Resources.map((u: { id: string }) => u.id)).toEqual([id]);

    // Update multi-valued and single-valued attributes, ops capitalised as Entra sends them.
    const newEmail = uniqueEmail('entra.renamed');
    const updated = await scim.patch(`/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: newEmail },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
        { op: 'Replace', path: 'userName', value: newEmail },
      ],
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ userName: newEmail, name: { familyName: 'updatedFamilyName' } });
    expect((await admin.get(`/api/team-members/${id}`)).body.email).toBe(newEmail);

    // Disable with the boolean as text.
    const off = await scim.patch(`/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.active).toBe(false);
    const on = await scim.patch(`/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
    });
    expect(on.body.active).toBe(true);

    // Groups: create with externalId and meta, add and remove members with value lists, rename,
    // read without members, delete.
    const second = await scim.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: uniqueEmail('entra.two'),
      active: true,
    });
    const group = await scim.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'displayName',
      meta: { resourceType: 'Group' },
    });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const gid = group.body.id as string;
    const add = await scim.patch(`/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [
        {
          op: 'Add',
          path: 'members',
          value: [
            { $ref: null, value: id },
            { $ref: null, value: second.body.id },
          ],
        },
      ],
    });
    expect(add.status, JSON.stringify(add.body)).toBe(200);
    const remove = await scim.patch(`/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: second.body.id }] }],
    });
    expect(remove.status, JSON.stringify(remove.body)).toBe(200);
    const rename = await scim.patch(`/Groups/${gid}`, {
      schemas: [PATCH_OP],
      Operations: [
        {
          op: 'Replace',
          path: 'displayName',
          value: '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName',
        },
      ],
    });
    expect(rename.status, JSON.stringify(rename.body)).toBe(200);
    const lean = await scim.get(`/Groups/${gid}?excludedAttributes=members`);
    expect(lean.body.displayName).toBe('1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName');
    expect(lean.body.members).toBeUndefined();
    const full = await scim.get(`/Groups/${gid}`);
    expect(full.body.members.map((m: { value: string }) => m.value)).toEqual([id]);
    const listed = await scim.get(
      `/Groups?excludedAttributes=members&filter=${q('displayName eq "1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName"')}`,
    );
    expect(listed.body.totalResults).toBe(1);

    expect((await scim.delete(`/Groups/${gid}`)).status).toBe(204);
    expect((await scim.delete(`/Users/${id}`)).status).toBe(204);
    expectScimError(await scim.get(`/Users/${id}`), 404);
    expect((await admin.get(`/api/team-members/${id}`)).status).toBe(404);
    const actions = (await activity(admin)).filter((e) => e.actor.name === 'SCIM').map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['team_member.deleted', 'scim_group.deleted']));
  });
});

describe('groups mapped to roles', () => {
  test('membership gives the strongest role per workspace; leaving a mapped group takes it away; unmapped members keep theirs', async () => {
    const { admin, scim, signup } = await account();
    const ws1 = signup.workspace.id;
    const ws2 = (await admin.post('/api/workspaces', { name: 'Second' })).body.id as string;
    const manual = await addMember(service, admin, { roles: [{ workspaceId: ws2, role: 'author' }] });
    const untouched = await addMember(service, admin, {
      roles: [{ workspaceId: ws1, role: 'workspace_admin' }],
    });
    const user = await scim.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: uniqueEmail('mapped'),
      active: true,
    });
    const uid = user.body.id as string;
    const viewers = (
      await scim.post('/Groups', { displayName: 'Viewers', members: [{ value: uid }, { value: manual.id }] })
    ).body.id;
    const authors = (await scim.post('/Groups', { displayName: 'Authors', members: [] })).body.id;

    // Groups without mappings change nobody's access.
    const roles = async (memberId: string) =>
      (
        (await admin.get(`/api/team-members/${memberId}`)).body.workspaces as {
          workspaceId: string;
          role: string;
          hideAttributes: boolean;
        }[]
      )
        .map(({ workspaceId, role, hideAttributes }) => ({ workspaceId, role, hideAttributes }))
        .sort((a, b) => a.workspaceId.localeCompare(b.workspaceId));
    expect(await roles(manual.id)).toEqual([{ workspaceId: ws2, role: 'author', hideAttributes: false }]);

    const mapped = await admin.put(`/api/account/scim-groups/${viewers}/roles`, {
      roles: [{ workspaceId: 'all', role: 'viewer', hideAttributes: true }],
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);
    expect(mapped.body).toMatchObject({ displayName: 'Viewers', memberCount: 2 });
    expect(
      (
        await admin.put(`/api/account/scim-groups/${authors}/roles`, {
          roles: [{ workspaceId: ws1, role: 'author', hideAttributes: false }],
        })
      ).status,
    ).toBe(200);
    const byId = (a: string, b: string) => a.localeCompare(b);
    const expectedViewer = [ws1, ws2]
      .sort(byId)
      .map((workspaceId) => ({ workspaceId, role: 'viewer', hideAttributes: true }));
    expect(await roles(uid)).toEqual(expectedViewer);
    expect(await roles(manual.id)).toEqual(expectedViewer);

    // In both groups: Author in ws1 (the stronger), Viewer elsewhere.
    const joined = await scim.patch(`/Groups/${authors}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: uid }] }],
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(await roles(uid)).toEqual(
      [
        { workspaceId: ws1, role: 'author', hideAttributes: false },
        { workspaceId: ws2, role: 'viewer', hideAttributes: true },
      ].sort((a, b) => byId(a.workspaceId, b.workspaceId)),
    );

    // Leaving the Viewers group: only what Authors gives stays.
    await scim.patch(`/Groups/${viewers}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${uid}"]` }],
    });
    expect(await roles(uid)).toEqual([{ workspaceId: ws1, role: 'author', hideAttributes: false }]);

    // A mapping to another account's or a deleted workspace is refused like an invitation's.
    const bad = await admin.put(`/api/account/scim-groups/${authors}/roles`, {
      roles: [{ workspaceId: 'ws_nope', role: 'viewer', hideAttributes: false }],
    });
    expect(bad.status).toBe(400);
    const groups = await admin.get('/api/account/scim-groups');
    expect(
      groups.body.items.map((g: { displayName: string; memberCount: number }) => [
        g.displayName,
        g.memberCount,
      ]),
    ).toEqual([
      ['Viewers', 1],
      ['Authors', 1],
    ]);
    // Never in a mapped group: the roles an admin gave stay.
    expect(await roles(untouched.id)).toEqual([
      { workspaceId: ws1, role: 'workspace_admin', hideAttributes: false },
    ]);
    const entries = (await activity(admin)).filter(
      (e) => e.action === 'team_member.roles_changed' && e.actor.name === 'SCIM',
    );
    expect(entries.length).toBeGreaterThan(0);
  });
});
