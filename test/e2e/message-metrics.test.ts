import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Client } from '../support/client.js';
import { addMember } from '../support/members.js';
import { trackClient } from '../support/track-v1.js';
import { expectFitsPhone, expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, logIn, screenshot } from './browser.js';

/**
 * A broadcast's and a message's metrics and deliveries in the console (/metrics), with the
 * counts a Track API client reported (POST /api/v1/metrics) and an unsubscribe through a delivery.
 */
const suite = consoleSuite({ width: 1440, height: 900 });

async function newBroadcast(admin: Client, workspaceId: string, name: string, emails = [`${name} email`]) {
  const reply = await admin.post(`/api/workspaces/${workspaceId}/broadcasts`, {
    name,
    messages: emails.map((email) => ({
      name: email,
      channel: 'email',
      subject: 'Hello {{customer.first_name}}',
      body: '<p>Hi</p>',
    })),
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { id: reply.body.id as string, messageId: reply.body.messages[0].id as string };
}

const textOf = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

describe.skipIf(!haveChromium)('a broadcast’s and a message’s metrics', () => {
  test('reported counts with rates and the deliveries at both widths; nothing sent yet; masked for hidden attributes; not for a member of another workspace', {
    timeout: 180_000,
  }, async () => {
    const admin = suite.service.client();
    const { workspace, email, password } = await admin.signup();
    const ws = `/api/workspaces/${workspace.id}`;
    // A new workspace sends in test mode, whose deliveries record no metrics.
    expect(
      (await admin.patch(`${ws}/settings`, { sendMode: 'normal', senderAddress: 'news@acme.test' })).status,
    ).toBe(200);
    const track = (await trackClient(suite.service, admin, workspace.id)).track;
    const cioIdOf = async (id: string, email: string) =>
      (await track.identify(id, { email, first_name: id[0]!.toUpperCase() + id.slice(1) })).body
        .cioId as string;
    const people = {
      ada: await cioIdOf('ada', 'ada@example.com'),
      bob: await cioIdOf('bob', 'bob@example.com'),
      cy: await cioIdOf('cy', 'cy@example.com'),
    };
    const spring = await newBroadcast(admin, workspace.id, 'Spring news');
    const unsent = await newBroadcast(admin, workspace.id, 'Summer news', ['Summer teaser', 'Summer issue']);
    const sent = await admin.post(`${ws}/broadcasts/${spring.id}/send`, { people: Object.values(people) });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    await suite.service.worker.runUntilIdle();
    const deliveries = (await admin.get(`${ws}/deliveries?sourceId=${spring.id}`)).body.items as {
      id: string;
      cioId: string;
    }[];
    expect(deliveries).toHaveLength(3);
    const of = (cioId: string) => deliveries.find((d) => d.cioId === cioId)!.id;
    // Ada's and Bob's were delivered, Cy's bounced; Ada opened, clicked and unsubscribed.
    const reported = [
      await track.metric(of(people.ada), 'delivered'),
      await track.metric(of(people.bob), 'delivered'),
      await track.metric(of(people.cy), 'bounced'),
      await track.metric(of(people.ada), 'opened'),
      await track.metric(of(people.ada), 'clicked'),
      await track.unsubscribe(of(people.ada)),
    ];
    expect(reported.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);

    const page = await suite.newPage();
    await logIn(page, email, password);
    // From the broadcast's row on the Broadcasts page.
    await page
      .getByRole('navigation', { name: 'Journeys' })
      .getByRole('link', { name: 'Broadcasts' })
      .click();
    await page.getByRole('link', { name: 'Metrics: Spring news' }).click();
    await page.waitForURL(`**/metrics?broadcast=${spring.id}`);
    await page.getByRole('heading', { name: 'Metrics of “Spring news”' }).waitFor();
    await page.getByTestId('metric-figures').waitFor();
    expect(await textOf(page, 'figure-sent')).toContain('3');
    expect(await textOf(page, 'figure-delivered')).toContain('66.7% of 3 sent');
    expect(await textOf(page, 'figure-opened')).toContain('50% of 2 delivered');
    expect(await textOf(page, 'figure-clicked')).toContain('50% of 2 delivered');
    expect(await textOf(page, 'figure-unsubscribed')).toContain('50% of 2 delivered');
    expect(await textOf(page, 'figure-bounced')).toContain('33.3% of 3 sent');
    const table = page.getByRole('table', { name: 'Deliveries of Spring news' });
    const rows = table.getByTestId('delivery');
    await eventually(async () => expect(await rows.count()).toBe(3));
    const ada = (await table.getByRole('row', { name: /ada@example\.com/ }).textContent()) ?? '';
    expect(ada).toContain('Delivered');
    expect(ada).toMatch(/Yes$/); // unsubscribed, the last column
    expect(await table.getByRole('row', { name: /cy@example\.com/ }).textContent()).toContain('Bounced');
    await expectGoodAtBothWidths(page);
    await screenshot(page, 'message-metrics');
    // A phone gets a card a delivery, none of the table.
    await expectFitsPhone(page);
    await eventually(async () => expect(await page.getByTestId('delivery').count()).toBe(3));
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await textOf(page, 'deliveries')).toContain('Unsubscribed');
    await page.getByRole('heading', { name: 'Deliveries' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'message-metrics-phone');
    await page.setViewportSize({ width: 1440, height: 900 });

    // The message on its own, from its row in the Message library: the same figures here.
    await page.goto('/resources/message-library');
    await page.getByRole('link', { name: 'Metrics: Spring news email' }).click();
    await page.waitForURL(`**/metrics?message=${spring.messageId}`);
    await page.getByText('A message of the broadcast “Spring news”').waitFor();
    expect(await textOf(page, 'figure-opened')).toContain('50% of 2 delivered');
    await eventually(async () => expect(await page.getByTestId('delivery').count()).toBe(3));
    await expectGoodAtBothWidths(page);

    // A broadcast not sent yet.
    await page.goto(`/metrics?broadcast=${unsent.id}`);
    const empty = page.getByTestId('empty-state').first();
    await empty.waitFor();
    expect(await empty.textContent()).toContain('Nothing sent yet');
    expect(await page.getByTestId('metric-figures').count()).toBe(0);
    await expectGoodAtBothWidths(page);
    // A broadcast of two messages links to each one's metrics, which link back.
    await page.getByRole('link', { name: 'Summer issue' }).click();
    await page.getByRole('heading', { name: 'Metrics of “Summer issue”' }).waitFor();
    await page.getByRole('link', { name: 'A message of the broadcast “Summer news”' }).click();
    await page.waitForURL(`**/metrics?broadcast=${unsent.id}`);

    // A Viewer with hidden attributes sees the figures, and who each delivery went to hidden.
    const viewer = await addMember(suite.service, admin, {
      roles: [{ workspaceId: workspace.id, role: 'viewer', hideAttributes: true }],
    });
    const masked = await suite.newPage();
    await logIn(masked, viewer.email, viewer.password);
    await masked.goto(`/metrics?broadcast=${spring.id}`);
    await eventually(async () => expect(await masked.getByTestId('delivery').count()).toBe(3));
    expect(await textOf(masked, 'figure-delivered')).toContain('2');
    const seen = (await masked.getByTestId('deliveries').textContent()) ?? '';
    expect(seen).toContain('Hidden');
    expect(seen).not.toContain('@example.com');
    await expectGoodAtBothWidths(masked);

    // A member of another workspace only cannot read these messages: no link, no figures.
    const other = (await admin.post('/api/workspaces', { name: 'Elsewhere' })).body as { id: string };
    const outsider = await addMember(suite.service, admin, {
      roles: [{ workspaceId: other.id, role: 'author' }],
    });
    const stranger = await suite.newPage();
    await logIn(stranger, outsider.email, outsider.password);
    await stranger.goto('/resources/broadcasts');
    await stranger.getByTestId('empty-state').waitFor();
    expect(await stranger.getByRole('link', { name: 'Metrics: Spring news' }).count()).toBe(0);
    await stranger.goto(`/metrics?broadcast=${spring.id}`);
    const none = stranger.getByTestId('empty-state');
    await none.waitFor();
    expect(await none.textContent()).toContain('There is no such broadcast in Elsewhere');
    expect(await stranger.getByTestId('metric-figures').count()).toBe(0);
    expect(await stranger.getByTestId('delivery').count()).toBe(0);
    await expectGoodAtBothWidths(stranger);
  });
});
