import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { addMember } from '../support/members.js';
import { setUpSending } from '../support/sending.js';
import { expectFitsPhone, expectGoodAtBothWidths } from './a11y.js';
import { consoleSuite, eventually, haveChromium, logIn, screenshot } from './browser.js';

/**
 * A broadcast's and a message's metrics and deliveries in the console (/metrics), with the
 * counts a Track API client reported (POST /api/v1/metrics) and an unsubscribe through a delivery.
 */
const suite = consoleSuite({ width: 1440, height: 900 });

/** An email message that greets its recipient by first name. */
const hello = (name: string) => ({ name, subject: 'Hello {{customer.first_name}}', body: '<p>Hi</p>' });

const textOf = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

describe.skipIf(!haveChromium)('a broadcast’s and a message’s metrics', () => {
  test('reported counts with rates and the deliveries at both widths; nothing sent yet; masked for hidden attributes; not for a member of another workspace', {
    timeout: 180_000,
  }, async () => {
    const { admin, workspace, track, email, password, ...t } = await setUpSending(suite.service);
    const cioIdOf = async (id: string, email: string) =>
      (await track.identify(id, { email, first_name: id[0]!.toUpperCase() + id.slice(1) })).body
        .cioId as string;
    const people = {
      ada: await cioIdOf('ada', 'ada@example.com'),
      bob: await cioIdOf('bob', 'bob@example.com'),
      cy: await cioIdOf('cy', 'cy@example.com'),
    };
    const spring = await t.newBroadcast([hello('Spring news email')], 'Spring news');
    const unsent = await t.newBroadcast([hello('Summer teaser'), hello('Summer issue')], 'Summer news');
    await t.send(spring.id, Object.values(people));
    const deliveries = (await admin.get(t.at(`deliveries?sourceId=${spring.id}`))).body.items as {
      id: string;
      cioId: string;
    }[];
    expect(deliveries).toHaveLength(3);
    const of = (cioId: string) => deliveries.find((d) => d.cioId === cioId)!.id;
    // Ada's and Bob's were delivered, Cy's bounced; Ada opened, clicked and unsubscribed.
    const reported = [
      await track.metric({ delivery_id: of(people.ada), metric: 'delivered' }),
      await track.metric({ delivery_id: of(people.bob), metric: 'delivered' }),
      await track.metric({ delivery_id: of(people.cy), metric: 'bounced' }),
      await track.metric({ delivery_id: of(people.ada), metric: 'opened' }),
      await track.metric({ delivery_id: of(people.ada), metric: 'clicked' }),
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
    await page.waitForURL(`**/metrics?message=${spring.messageIds[0]}`);
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
