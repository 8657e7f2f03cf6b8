import { Secret, TOTP } from 'otpauth';
import { expect } from 'vitest';
import type { Client } from './client.js';
import type { TestService } from './service.js';

export const TOTP_STEP_MS = 30_000;

/** The code an authenticator app shows for this secret at the service's time (plus some steps). */
export const totpCode = (service: TestService, secret: string, steps = 0): string =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: service.clock.now().getTime() + steps * TOTP_STEP_MS,
  });

/** Sets up TOTP for the signed-in client; returns the secret and the recovery codes. */
export async function enrolTotp(service: TestService, client: Client, password: string) {
  const started = await client.post('/api/me/two-factor/totp', { currentPassword: password });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const confirmed = await client.post('/api/me/two-factor/totp/confirm', {
    code: totpCode(service, started.body.secret),
  });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return { secret: started.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}
