import { describe, expect, test } from 'vitest';
import { addMember } from '../support/members.js';
import { trackClient } from '../support/track-v1.js';
import { expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, logIn, navLink } from './browser.js';

/** A person's activity (events and page views sent with the Track API) in their drawer, newest first. */
const suite = consoleSuite({ width: 1440, height: 900 });

describe.skipIf(!haveChromium)('a person’s activity', () => {
  test('events newest first with their data as lines, Show more, an empty state; hidden values for masked members', {
    timeout: 120_000,
  }, async () => {
    const admin = suite.service.client();
    const { workspace, email, password } = await admin.signup();
    const track = (await trackClient(suite.service, admin, workspace.id)).track;
    await track.identify('ada', { first_name: 'Ada', last_name: 'Byron' });
    await track.identify('alan', { first_name: 'Alan', last_name: 'Turing' });
    // 21 events: one more than a page of the drawer's list.
    for (let i = 0; i < 20; i++)
      expect((await track.event('ada', { name: `step_${i}`, timestamp: 1_600_000_000 + i })).status).toBe(
        200,
      );
    expect(
      (
        await track.event('ada', {
          name: 'bought',
          data: { plan: 'pro', seats: 3 },
          timestamp: 1_700_000_000,
        })
      ).status,
    ).toBe(200);

    const page = await suite.newPage();
    await logIn(page, email, password);
    await navLink(page, 'Workspace', 'People').click();
    const people = page.getByTestId('people');
    await eventually(async () => expect(await people.getByRole('row').count()).toBe(3));
    await people.getByRole('button', { name: 'Open Ada Byron' }).click();
    const drawer = page.getByRole('dialog', { name: 'Ada Byron' });
    const events = drawer.getByTestId('person-event');
    await eventually(async () => expect(await events.count()).toBe(20));
    const first = (await events.nth(0).textContent()) ?? '';
    expect(first).toContain('bought');
    expect(first).toContain('Event');
    expect(first).toContain('plan: pro');
    expect(first).toContain('seats: 3');
    expect(first).not.toContain('{');
    // The time, in the viewer's locale (the browser's), as the rest of the console writes it.
    const shown = await page.evaluate(() =>
      new Date(1_700_000_000_000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
    );
    expect(first).toContain(shown);
    await expectGoodAtBothWidths(page, { dialog: 'Ada Byron' });
    await drawer.getByTestId('person-activity-load-more').click();
    await eventually(async () => expect(await events.count()).toBe(21));
    expect(await events.nth(20).textContent()).toContain('step_0');
    expect(await drawer.getByTestId('person-activity-load-more').count()).toBe(0);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    await people.getByRole('button', { name: 'Open Alan Turing' }).click();
    const none = page.getByRole('dialog', { name: 'Alan Turing' }).getByTestId('person-activity-empty');
    await none.waitFor();
    expect(await none.textContent()).toContain('No activity yet');
    await expectGoodAtBothWidths(page, { dialog: 'Alan Turing' });

    // A member with hidden attributes sees what happened and when, not the values.
    const viewer = await addMember(suite.service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer', hideAttributes: true }],
    });
    const masked = await suite.newPage();
    await logIn(masked, viewer.email, viewer.password);
    await navLink(masked, 'Workspace', 'People').click();
    const list = masked.getByTestId('people');
    await eventually(async () => expect(await list.getByRole('row').count()).toBe(3));
    // The list runs oldest first: Ada was identified before Alan.
    await list.getByRole('button', { name: 'Open Hidden' }).first().click();
    const hidden = masked.getByRole('dialog', { name: 'Hidden' });
    const maskedEvents = hidden.getByTestId('person-event');
    await eventually(async () => expect(await maskedEvents.count()).toBe(20));
    const text = (await maskedEvents.nth(0).textContent()) ?? '';
    expect(text).toContain('bought');
    expect(text).toContain('plan: Hidden');
    expect(text).not.toContain('pro');
    await expectGoodAtBothWidths(masked, { dialog: 'Hidden' });
  });
});
