import {
  AuthenticatorEmulator,
  type AuthenticatorParameters,
  PasskeysCredentialsMemoryRepository,
  WebAuthnEmulator,
} from 'nid-webauthn-emulator';
import { expect } from 'vitest';
import type { Client } from './client.js';
import type { TestService } from './service.js';

/**
 * A software authenticator for HTTP tests (nid-webauthn-emulator: a CTAP2 authenticator and the
 * browser's WebAuthn API over it, in Node): each one holds its own credentials, as a device does.
 */
export function authenticator(params: Partial<AuthenticatorParameters> = {}): WebAuthnEmulator {
  return new WebAuthnEmulator(
    new AuthenticatorEmulator({
      credentialsRepository: new PasskeysCredentialsMemoryRepository(),
      ...params,
    }),
  );
}

/** The origin a browser would report: the service's public URL, the relying party. */
export const originOf = (service: TestService) => new URL(service.config.publicUrl).origin;

/** Adds a passkey made by `device` to the signed-in client's member, the way the console does. */
export async function registerPasskey(
  service: TestService,
  client: Client,
  device: WebAuthnEmulator,
  name = 'Laptop',
): Promise<{ id: string; name: string; credentialId: string }> {
  const options = await client.post('/api/me/passkeys/registration-options');
  expect(options.status, JSON.stringify(options.body)).toBe(200);
  const response = device.createJSON(originOf(service), options.body);
  const reply = await client.post('/api/me/passkeys', { name, response });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { ...reply.body, credentialId: response.id };
}

/** The device's answer to a fresh sign-in challenge (POST /api/session/passkey-options). */
export async function passkeyAnswer(
  service: TestService,
  device: WebAuthnEmulator,
  client = service.client(),
) {
  const options = await client.post('/api/session/passkey-options');
  expect(options.status, JSON.stringify(options.body)).toBe(200);
  return device.getJSON(originOf(service), options.body);
}
