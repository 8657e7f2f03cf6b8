import { describe, expect, test } from 'vitest';
import type { Client } from '../support/client.js';
import { addMember } from '../support/members.js';
import { trackClient } from '../support/track-v1.js';
import { expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, logIn } from './browser.js';

/** A segment's people (added with the Track API, or matching its conditions), on the Segment people page. */
const suite = consoleSuite({ width: 1440, height: 900 });

async function newSegment(admin: Client, workspaceId: string, body: Record<string, unknown>) {
  const reply = await admin.post(`/api/workspaces/${workspaceId}/segments`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

describe.skipIf(!haveChromium)('a segment’s people', () => {
  test('a manual segment’s newest-added first with Show more; a data segment’s; empty; masked values; linked from Segments', {
    timeout: 180_000,
  }, async () => {
    const admin = suite.service.client();
    const { workspace, email, password } = await admin.signup();
    const track = (await trackClient(suite.service, admin, workspace.id)).track;
    const manual = await newSegment(admin, workspace.id, { name: 'Beta testers', type: 'manual' });
    const data = await newSegment(admin, workspace.id, {
      name: 'Pro plan',
      conditions: { match: 'all', rules: [{ attribute: 'plan', operator: 'eq', value: 'pro' }] },
    });
    const empty = await newSegment(admin, workspace.id, { name: 'Nobody yet', type: 'manual' });
    const ids = Array.from({ length: 50 }, (_, i) => `tester-${i}`);
    for (const id of ids) await track.identify(id, { email: `${id}@example.com` });
    await track.identify('ada', {
      first_name: 'Ada',
      last_name: 'Byron',
      email: 'ada@example.com',
      plan: 'pro',
    });
    expect((await track.addToSegment(manual, ids)).status).toBe(200);
    // Ada joins last: the first of the list.
    expect((await track.addToSegment(manual, ['ada'])).status).toBe(200);

    const page = await suite.newPage();
    await logIn(page, email, password);
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Segment people' })
      .click();
    await page.getByRole('heading', { name: 'People in a segment' }).waitFor();
    // A segment's row on the Segments page links to its people.
    await page.goto('/resources/segments');
    await page.getByRole('link', { name: 'People: Beta testers' }).click();
    await page.waitForURL(`**/segment-people?segment=${manual}`);
    await page.getByRole('table', { name: 'People in Beta testers' }).waitFor();
    await page.goto(`/segment-people?segment=${manual}`);
    const table = page.getByTestId('segment-members');
    const rows = table.getByTestId('segment-member');
    await eventually(async () => expect(await rows.count()).toBe(50));
    const first = (await rows.nth(0).textContent()) ?? '';
    expect(first).toContain('Ada Byron');
    expect(first).toContain('ada@example.com');
    // Each row says what tells the person apart: their ID (unless it is their label) and cio_id.
    expect(first).toContain('ID ada · cio_id ');
    expect((await rows.nth(1).textContent()) ?? '').toContain('ID tester-49');
    expect(await table.getByRole('columnheader', { name: 'Added' }).count()).toBe(1);
    await expectGoodAtBothWidths(page);
    await page.getByTestId('segment-members-load-more').click();
    await eventually(async () => expect(await rows.count()).toBe(51));
    expect(await page.getByTestId('segment-members-load-more').count()).toBe(0);
    expect(await page.getByTestId('segment-members-count').textContent()).toBe('Showing 51 people');
    // A row opens the person, as on the People page.
    await table.getByRole('button', { name: 'Open Ada Byron' }).click();
    const drawer = page.getByRole('dialog', { name: 'Ada Byron' });
    await eventually(async () => expect(await drawer.textContent()).toContain('ada@example.com'));
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    await page.goto(`/segment-people?segment=${data}`);
    await eventually(async () => expect(await page.getByTestId('segment-member').count()).toBe(1));
    expect(await page.getByTestId('segment-members').textContent()).toContain('Ada Byron');
    expect(await page.getByRole('columnheader', { name: 'Added' }).count()).toBe(0);

    await page.goto(`/segment-people?segment=${empty}`);
    const none = page.getByTestId('empty-state');
    await none.waitFor();
    expect(await none.textContent()).toContain('Nobody in this segment yet');
    await expectGoodAtBothWidths(page);

    // A member with hidden attributes sees who is in a manual segment, their values hidden.
    const viewer = await addMember(suite.service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer', hideAttributes: true }],
    });
    const masked = await suite.newPage();
    await logIn(masked, viewer.email, viewer.password);
    await masked.goto(`/segment-people?segment=${manual}`);
    const maskedRows = masked.getByTestId('segment-member');
    await eventually(async () => expect(await maskedRows.count()).toBe(50));
    const text = (await maskedRows.nth(0).textContent()) ?? '';
    expect(text).toContain('Hidden');
    expect(text).not.toContain('ada@example.com');
    await expectGoodAtBothWidths(masked);
    // A data segment chosen by a hidden value is not listed for them (who is in it would tell the
    // value), and the page says why in words.
    await masked.goto(`/segment-people?segment=${data}`);
    const refused = masked.getByTestId('empty-state');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('You can’t see who is in this segment');
    expect(await refused.textContent()).toContain('hidden from you');
    expect(await masked.getByTestId('segment-member').count()).toBe(0);
    expect(await masked.getByTestId('error-panel').count()).toBe(0);
    await expectGoodAtBothWidths(masked);
  });
});
