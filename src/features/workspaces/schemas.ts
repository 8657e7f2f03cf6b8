import { type Static, Type } from 'typebox';
import { workspaceRoles } from '../../access/roles.js';
import { NullableTimestamp, Timestamp } from '../../http/schemas.js';

export const SendMode = Type.Enum(['normal', 'test', 'never'], {
  description: 'normal: to each person; test: every email to the test recipient; never: nothing leaves',
});

export const Color = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'A colour as #rrggbb' });
export const WorkspaceName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
export const WorkspaceRole = Type.Enum(workspaceRoles);
const ProcessingState = Type.Enum(['ready', 'revalidating']);

export const Identifiers = Type.Object(
  { email: Type.Boolean(), id: Type.Boolean() },
  { additionalProperties: false, description: 'At least one must be on; cio_id always works' },
);

const SenderAddress = Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()], {
  description: 'The From of the workspace’s emails in normal mode; null: the service’s MAIL_FROM',
});

export const SettingsInput = Type.Object(
  {
    sendMode: Type.Optional(SendMode),
    testRecipientMemberId: Type.Optional(
      Type.String({ description: 'An active team member who can enter this workspace' }),
    ),
    openTracking: Type.Optional(Type.Boolean()),
    senderAddress: Type.Optional(SenderAddress),
    identifiers: Type.Optional(Identifiers),
    allowEmailUpdateById: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SettingsInput = Static<typeof SettingsInput>;

export const Settings = Type.Object({
  sendMode: SendMode,
  testRecipientMemberId: Type.Union([Type.String(), Type.Null()], {
    description:
      'Who receives test emails; null when the member chosen can no longer enter the workspace: test-mode sends are then refused (409) until another is chosen',
  }),
  testRecipientEmail: Type.Union([Type.String(), Type.Null()], {
    description: 'Shown in the test-mode banner',
  }),
  openTracking: Type.Boolean(),
  senderAddress: SenderAddress,
  identifiers: Identifiers,
  allowEmailUpdateById: Type.Boolean(),
  processingState: ProcessingState,
});
export type Settings = Static<typeof Settings>;

export const AccessInput = Type.Array(
  Type.Object(
    {
      memberId: Type.String(),
      role: Type.Union([WorkspaceRole, Type.Null()], { description: 'null removes the member’s access' }),
      hideAttributes: Type.Optional(Type.Boolean({ description: 'Authors and Viewers only' })),
    },
    { additionalProperties: false },
  ),
  { maxItems: 1000 },
);
export type AccessInput = Static<typeof AccessInput>;

export const AccessEntry = Type.Object({
  memberId: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  role: WorkspaceRole,
  hideAttributes: Type.Boolean(),
  viaAccountRole: Type.Boolean({
    description: 'Account Admins are Workspace Admins everywhere; it cannot be changed',
  }),
});
export type AccessEntry = Static<typeof AccessEntry>;

export const Workspace = Type.Object({
  id: Type.String(),
  name: Type.String(),
  color: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  current: Type.Boolean({ description: 'The caller’s current workspace' }),
  role: WorkspaceRole,
  hideAttributes: Type.Boolean(),
  processingState: ProcessingState,
});
export type Workspace = Static<typeof Workspace>;

export const WorkspaceWithSending = Type.Intersect([
  Workspace,
  Type.Object({
    sendMode: SendMode,
    testRecipientEmail: Type.Union([Type.String(), Type.Null()], {
      description: 'In test mode: where emails go',
    }),
  }),
]);

export const WorkspaceWithSettings = Type.Intersect([
  Workspace,
  Type.Object({ settings: Settings, access: Type.Array(AccessEntry) }),
]);

export const CreateWorkspaceBody = Type.Object(
  {
    name: WorkspaceName,
    color: Type.Optional(Color),
    settings: Type.Optional(SettingsInput),
    access: Type.Optional(AccessInput),
  },
  { additionalProperties: false },
);
export type CreateWorkspaceBody = Static<typeof CreateWorkspaceBody>;

export const UpdateWorkspaceBody = Type.Object(
  { name: Type.Optional(WorkspaceName), color: Type.Optional(Color), access: Type.Optional(AccessInput) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateWorkspaceBody = Static<typeof UpdateWorkspaceBody>;

export const DeleteWorkspaceBody = Type.Object(
  { confirmName: Type.String({ description: 'The workspace’s name, exactly (case-sensitive)' }) },
  { additionalProperties: false },
);

export const SwitchBody = Type.Object({ workspaceId: Type.String() }, { additionalProperties: false });

export const DeletionJob = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: Type.String(),
  progress: Type.Object({ done: Type.Integer(), total: Type.Union([Type.Integer(), Type.Null()]) }),
  createdAt: Timestamp,
  finishedAt: NullableTimestamp,
});
