import { describe, expect, test } from 'vitest';
import { addMember } from '../support/members.js';
import { trackClient } from '../support/track-v1.js';
import { expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, logIn, navLink } from './browser.js';

/** A person's devices (added by the Track API) on their drawer: platform, last use, token; or none yet. */
const suite = consoleSuite({ width: 1440, height: 900 });

describe.skipIf(!haveChromium)('a person’s devices', () => {
  test('listed with platform, last use and token; an empty state; hidden tokens for masked members', {
    timeout: 120_000,
  }, async () => {
    const admin = suite.service.client();
    const { workspace, email, password } = await admin.signup();
    const track = (await trackClient(suite.service, admin, workspace.id)).track;
    await track.identify('ada', { first_name: 'Ada', last_name: 'Byron' });
    await track.identify('alan', { first_name: 'Alan', last_name: 'Turing' });
    const token = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f';
    expect(
      (await track.addDevice('ada', { id: token, platform: 'ios', last_used: 1_700_000_000 })).status,
    ).toBe(200);
    expect(
      (await track.addDevice('ada', { id: 'fcm-token-2', platform: 'android', attributes: { app: '2.1' } }))
        .status,
    ).toBe(200);

    const page = await suite.newPage();
    await logIn(page, email, password);
    await navLink(page, 'Workspace', 'People').click();
    const people = page.getByTestId('people');
    await eventually(async () => expect(await people.getByRole('row').count()).toBe(3));
    await people.getByRole('button', { name: 'Open Ada Byron' }).click();
    const drawer = page.getByRole('dialog', { name: 'Ada Byron' });
    const devices = drawer.getByTestId('person-device');
    await eventually(async () => expect(await devices.count()).toBe(2));
    const first = (await devices.nth(0).textContent()) ?? '';
    expect(first).toContain('iOS');
    expect(first).toContain('Last used');
    expect(first).toContain(token);
    const second = (await devices.nth(1).textContent()) ?? '';
    expect(second).toContain('Android');
    expect(second).toContain('Never used yet');
    expect(second).toContain('app2.1');
    await expectGoodAtBothWidths(page, { dialog: 'Ada Byron' });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    await people.getByRole('button', { name: 'Open Alan Turing' }).click();
    const none = page.getByRole('dialog', { name: 'Alan Turing' }).getByTestId('person-devices-empty');
    await none.waitFor();
    expect(await none.textContent()).toContain('No devices yet');
    await expectGoodAtBothWidths(page, { dialog: 'Alan Turing' });

    // A member with hidden attributes sees the platform, not the token.
    const viewer = await addMember(suite.service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer', hideAttributes: true }],
    });
    const masked = await suite.newPage();
    await logIn(masked, viewer.email, viewer.password);
    await navLink(masked, 'Workspace', 'People').click();
    const list = masked.getByTestId('people');
    await eventually(async () => expect(await list.getByRole('row').count()).toBe(3));
    await list.getByRole('button', { name: 'Open Hidden' }).first().click();
    const hidden = masked.getByRole('dialog', { name: 'Hidden' });
    await hidden.getByTestId('person-devices').waitFor();
    expect(await hidden.textContent()).not.toContain(token);
  });
});
