/**
 * Access-check benchmark (npm run bench:access): 1,000 members × 50 workspaces, every workspace
 * permission of the catalogue, 1M pre-generated random checks. Each engine warms up, then runs the
 * checks for at least 2 s, in this one process: a raw baseline (integer ids, a role table, a bit
 * mask per permission), Atrium's can(), a Map/Set version, CASL (one cached ability per member;
 * workspaces as subject types, and as its docs model tenancy, with conditions),
 * Casbin (domain RBAC, permissions as g2 links) and Cedar (cedar-wasm, preparsed policies).
 * Before running, every engine must agree with the raw baseline on the first 20,000 checks.
 */
import { subject as caslSubject, createMongoAbility, type MongoAbility } from '@casl/ability';
import { preparsePolicySet, statefulIsAuthorized } from '@cedar-policy/cedar-wasm/nodejs';
import { newEnforcer, newModelFromString } from 'casbin';
import { matrixColumns, workspaceRules } from '../src/access/catalog.js';
import { can } from '../src/access/policy.js';
import { workspaceRoles } from '../src/access/roles.js';
import { resolveSubject, type Subject } from '../src/access/subject.js';

const MEMBERS = 1000;
const WORKSPACES = 50;
const CHECKS = 1_000_000;
const MIN_MS = Number(process.env.BENCH_ACCESS_MS ?? 2000);

// ---- the data set (seeded, so every run checks the same things) ---------------------------------

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const permissions = Object.values(workspaceRules);
const permissionKeys = permissions.map((p) => p.key);
const masks = Uint8Array.from(permissions.map((p) => p.mask));
const memberIds = Array.from({ length: MEMBERS }, (_, i) => `mem_${String(i).padStart(26, '0')}`);
const workspaceIds = Array.from({ length: WORKSPACES }, (_, i) => `ws_${String(i).padStart(26, '0')}`);

/** column + 1 per member × workspace; 0 = no role there. About half the cells hold a role. */
const roleTable = new Uint8Array(MEMBERS * WORKSPACES);
for (let i = 0; i < roleTable.length; i++) roleTable[i] = random() < 0.5 ? 0 : 1 + Math.floor(random() * 4);

const checkMember = new Uint16Array(CHECKS);
const checkWorkspace = new Uint8Array(CHECKS);
const checkPermission = new Uint8Array(CHECKS);
for (let i = 0; i < CHECKS; i++) {
  checkMember[i] = Math.floor(random() * MEMBERS);
  checkWorkspace[i] = Math.floor(random() * WORKSPACES);
  checkPermission[i] = Math.floor(random() * permissions.length);
}

// The column's role and hide flag, as a member would hold them.
const asRole = (column: number) => ({
  role: column === 0 ? workspaceRoles[0] : column === 3 ? workspaceRoles[2] : workspaceRoles[1],
  hideAttributes: column === 2,
});

// ---- the engines ----------------------------------------------------------------------------------

type Engine = { name: string; check: (i: number) => boolean };

function raw(): Engine {
  return {
    name: 'raw baseline',
    check: (i) => {
      const role = roleTable[checkMember[i]! * WORKSPACES + checkWorkspace[i]!]!;
      return role !== 0 && ((masks[checkPermission[i]!]! >> (role - 1)) & 1) === 1;
    },
  };
}

function atrium(): Engine {
  // "the subject … is resolved once per request": here once per member, before the clock starts.
  const subjects: Subject[] = memberIds.map((memberId, m) =>
    resolveSubject({
      memberId,
      accountId: 'acc_bench',
      accountRole: 'member',
      flags: { billing: false, apiCredentials: false, supportAccess: false },
      accountWorkspaceIds: workspaceIds,
      grants: workspaceIds.flatMap((workspaceId, w) => {
        const role = roleTable[m * WORKSPACES + w]!;
        return role === 0 ? [] : [{ workspaceId, ...asRole(role - 1) }];
      }),
    }),
  );
  return {
    name: 'Atrium can()',
    check: (i) =>
      can(subjects[checkMember[i]!]!, permissionKeys[checkPermission[i]!]!, workspaceIds[checkWorkspace[i]!]),
  };
}

function mapSet(): Engine {
  const allowed = memberIds.map((_, m) => {
    const byWorkspace = new Map<string, Set<string>>();
    workspaceIds.forEach((ws, w) => {
      const role = roleTable[m * WORKSPACES + w]!;
      if (role !== 0)
        byWorkspace.set(ws, new Set(permissionKeys.filter((_, p) => (masks[p]! >> (role - 1)) & 1)));
    });
    return byWorkspace;
  });
  const byMember = new Map(memberIds.map((id, m) => [id, allowed[m]!]));
  return {
    name: 'Map/Set',
    check: (i) =>
      byMember
        .get(memberIds[checkMember[i]!]!)!
        .get(workspaceIds[checkWorkspace[i]!]!)
        ?.has(permissionKeys[checkPermission[i]!]!) ?? false,
  };
}

function casl(): Engine {
  const abilities: MongoAbility[] = memberIds.map((_, m) =>
    createMongoAbility(
      workspaceIds.flatMap((ws, w) => {
        const role = roleTable[m * WORKSPACES + w]!;
        if (role === 0) return [];
        return [{ action: permissionKeys.filter((_, p) => (masks[p]! >> (role - 1)) & 1), subject: ws }];
      }),
    ),
  );
  return {
    name: 'CASL',
    check: (i) =>
      abilities[checkMember[i]!]!.can(
        permissionKeys[checkPermission[i]!]!,
        workspaceIds[checkWorkspace[i]!]!,
      ),
  };
}

/** CASL as its docs model tenancy: one subject type, the workspace in a condition. */
function caslConditions(): Engine {
  const abilities: MongoAbility[] = memberIds.map((_, m) =>
    createMongoAbility(
      matrixColumns.flatMap((_, bit) => {
        const ids = workspaceIds.filter((_, w) => roleTable[m * WORKSPACES + w] === bit + 1);
        if (ids.length === 0) return [];
        return [
          {
            action: permissionKeys.filter((_, p) => (masks[p]! >> bit) & 1),
            subject: 'Workspace',
            conditions: { id: { $in: ids } },
          },
        ];
      }),
    ),
  );
  const subjects = workspaceIds.map((id) => caslSubject('Workspace', { id }));
  return {
    name: 'CASL (conditions)',
    check: (i) =>
      abilities[checkMember[i]!]!.can(permissionKeys[checkPermission[i]!]!, subjects[checkWorkspace[i]!]!),
  };
}

async function casbin(): Promise<Engine> {
  const model = newModelFromString(`
[request_definition]
r = sub, dom, obj
[policy_definition]
p = sub, obj
[role_definition]
g = _, _, _
g2 = _, _
[policy_effect]
e = some(where (p.eft == allow))
[matchers]
m = g(r.sub, p.sub, r.dom) && g2(r.obj, p.obj)
`);
  const enforcer = await newEnforcer(model);
  await enforcer.addPolicies(matrixColumns.map((c) => [c, `${c}:permissions`]));
  await enforcer.addNamedGroupingPolicies(
    'g2',
    matrixColumns.flatMap((c, bit) =>
      permissionKeys.filter((_, p) => (masks[p]! >> bit) & 1).map((p) => [p, `${c}:permissions`]),
    ),
  );
  const links: string[][] = [];
  for (const [m, member] of memberIds.entries()) {
    for (const [w, ws] of workspaceIds.entries()) {
      const role = roleTable[m * WORKSPACES + w]!;
      if (role !== 0) links.push([member, matrixColumns[role - 1]!, ws]);
    }
  }
  await enforcer.addNamedGroupingPolicies('g', links);
  return {
    name: 'Casbin',
    check: (i) =>
      enforcer.enforceSync(
        memberIds[checkMember[i]!]!,
        workspaceIds[checkWorkspace[i]!]!,
        permissionKeys[checkPermission[i]!]!,
      ),
  };
}

function cedar(): Engine {
  // One policy per column: the actions it allows, for principals holding that column's role in the
  // workspace (a parent Role entity per grant, referenced from the workspace's attributes).
  const policies = matrixColumns
    .map((c, bit) => {
      const actions = permissionKeys.filter((_, p) => (masks[p]! >> bit) & 1).map((p) => `Action::"${p}"`);
      return `permit (principal, action in [${actions.join(', ')}], resource) when { principal in resource.${c} };`;
    })
    .join('\n');
  const answer = preparsePolicySet('atrium', { staticPolicies: policies });
  if (answer.type !== 'success') throw new Error(`cedar: ${JSON.stringify(answer)}`);
  const users = memberIds.map((id, m) => ({
    uid: { type: 'User', id },
    attrs: {},
    parents: workspaceIds.flatMap((ws, w) => {
      const role = roleTable[m * WORKSPACES + w]!;
      return role === 0 ? [] : [{ type: 'Role', id: `${matrixColumns[role - 1]}@${ws}` }];
    }),
  }));
  const workspaces = workspaceIds.map((id) => ({
    uid: { type: 'Workspace', id },
    attrs: Object.fromEntries(
      matrixColumns.map((c) => [c, { __entity: { type: 'Role', id: `${c}@${id}` } }]),
    ),
    parents: [],
  }));
  return {
    name: 'Cedar',
    check: (i) => {
      const user = users[checkMember[i]!]!;
      const ws = workspaces[checkWorkspace[i]!]!;
      const result = statefulIsAuthorized({
        principal: user.uid,
        action: { type: 'Action', id: permissionKeys[checkPermission[i]!]! },
        resource: ws.uid,
        context: {},
        preparsedPolicySetId: 'atrium',
        entities: [user, ws],
      });
      return result.type === 'success' && result.response.decision === 'allow';
    },
  };
}

// ---- measuring ----------------------------------------------------------------------------------

function agreeWithBaseline(engine: Engine, baseline: Engine): void {
  for (let i = 0; i < 20_000; i++) {
    if (engine.check(i) !== baseline.check(i))
      throw new Error(`${engine.name} disagrees with the raw baseline on check ${i}`);
  }
}

function measure(engine: Engine): number {
  let sink = 0;
  const warmUntil = performance.now() + 300;
  for (let i = 0; performance.now() < warmUntil; i = (i + 1) % CHECKS) if (engine.check(i)) sink++;
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    // Check the clock every 10,000 checks, not every check.
    for (let n = 0; n < 10_000; n++, done++) if (engine.check(done % CHECKS)) sink++;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink); // keeps the work observable
  return (done / elapsed) * 1000;
}

export async function benchAccess(): Promise<Record<string, number>> {
  const baseline = raw();
  const engines = [baseline, atrium(), mapSet(), casl(), caslConditions(), await casbin(), cedar()];
  for (const e of engines.slice(1)) agreeWithBaseline(e, baseline);
  const results: Record<string, number> = {};
  console.log(
    `access checks: ${MEMBERS} members × ${WORKSPACES} workspaces, ${permissions.length} permissions, ${CHECKS} random checks`,
  );
  for (const e of engines) {
    results[e.name] = measure(e);
    console.log(
      `  ${e.name.padEnd(18)} ${Math.round(results[e.name]!).toLocaleString('en').padStart(13)} checks/s`,
    );
  }
  const ours = results['Atrium can()']!;
  const pct = (ours / results['raw baseline']!) * 100;
  const times = (name: string) => `${(ours / results[name]!).toFixed(0)}×`;
  console.log(
    `can() = ${pct.toFixed(0)}% of raw baseline; ${times('Casbin')} Casbin; ${times('CASL')} CASL ` +
      `(${times('CASL (conditions)')} CASL with conditions); ${times('Cedar')} Cedar`,
  );
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAccess();
