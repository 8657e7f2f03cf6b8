import SCIMMY from 'scimmy';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';

export type ScimError = InstanceType<typeof SCIMMY.Types.Error>;

/** What a SCIM handler works with: the service, the request's transaction, the token's account. */
export interface ScimCall {
  ctx: AppContext;
  tx: Db;
  accountId: string;
  accountName: string;
}

/** scimmy passes the context it was given as `any`; this takes it back into our type. */
export function callOf(context: unknown): ScimCall {
  const call = context as Partial<ScimCall> | undefined;
  if (!call?.tx || !call.ctx || !call.accountId) throw new Error('SCIM handler called without its context');
  return call as ScimCall;
}

export const scimError = (
  status: number,
  scimType: SCIMMY.Messages.ErrorResponse.ValidScimTypes | null,
  detail: string,
): ScimError => new SCIMMY.Types.Error(status, scimType as string, detail);

/** A DomainError of the team rules (uniqueness, last admin, plan limit) in SCIM's terms. */
export function fromDomainError(error: DomainError): ScimError {
  const uniqueness = ['email_taken', 'email_in_other_account', 'already_member', 'name_taken'];
  if (uniqueness.includes(error.code)) return scimError(409, 'uniqueness', error.detail);
  if (error.status === 400) return scimError(400, 'invalidValue', error.detail);
  return scimError(error.status, null, error.detail);
}

/** Runs a team rule and answers its refusal as a SCIM error. */
export async function asScim<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw fromDomainError(error);
    throw error;
  }
}
