import { type Static, Type } from 'typebox';
import { NullableTimestamp, Timestamp } from '../../http/schemas.js';
import { NewPassword } from '../security/password-policy.js';
import { planNames } from './plans.js';

export const PlanName = Type.Enum(planNames);
/** Plans an account chooses itself; custom limits are the operator's (atrium set-plan). */
export const SelfServicePlan = Type.Enum(planNames.filter((p) => p !== 'custom'));

const Limit = Type.Union([Type.Integer(), Type.Null()], { description: 'null = unlimited' });

export const Account = Type.Object({
  id: Type.String(),
  name: Type.String(),
  plan: PlanName,
  limits: Type.Object({ workspaces: Limit, teamMembers: Limit }),
  usage: Type.Object({ workspaces: Type.Integer(), teamMembers: Type.Integer() }),
  trialEndsAt: NullableTimestamp,
  requireTwoFactor: Type.Boolean({
    description: 'Every member must use two-factor; one without it can reach only their profile',
  }),
  createdAt: Timestamp,
});
export type Account = Static<typeof Account>;

export const PlanInfo = Type.Object({
  name: PlanName,
  label: Type.String({ description: 'The plan’s name for people' }),
  selfService: Type.Boolean({ description: 'An account may move to it itself (PATCH /api/account)' }),
  limits: Type.Union([Type.Object({ workspaces: Limit, teamMembers: Limit }), Type.Null()], {
    description: 'null: set per account (custom)',
  }),
});

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

export const SignupBody = Type.Object(
  {
    accountName: Name,
    firstName: Name,
    lastName: Name,
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: NewPassword(),
    plan: Type.Optional(SelfServicePlan),
  },
  { additionalProperties: false },
);
export type SignupBody = Static<typeof SignupBody>;

export const UpdateAccountBody = Type.Object(
  {
    name: Type.Optional(Name),
    plan: Type.Optional(SelfServicePlan),
    requireTwoFactor: Type.Optional(
      Type.Boolean({
        description:
          'Account Admins only (403 otherwise); turning it on needs two-factor of your own (409 own_two_factor_required)',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAccountBody = Static<typeof UpdateAccountBody>;
