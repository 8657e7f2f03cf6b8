import type { Answer } from '../../lib/api';

/**
 * A message's or a broadcast's metrics (GET …/metrics) as figures people read: a label in words,
 * the count, and a rate against what it can be a share of ("12 of 40 delivered, 30%").
 */

export type Metrics = Answer<'/api/workspaces/{workspaceId}/messages/{messageId}/metrics', 'get'>;

export interface Figure {
  key: string;
  label: string;
  count: number;
  /** The count as a share of `of`: none for a count of 0 (a row of "0%" says nothing) or when `of` is 0. */
  rate?: { of: number; base: string; percent: string };
  hint?: string;
}

export interface FigureGroup {
  title: string;
  figures: Figure[];
  /** Its figures show only when they count something (a send waiting, a test). */
  onlyWhenSome?: boolean;
}

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

function figure(key: string, label: string, count: number, of?: { count: number; base: string }): Figure {
  if (!of || of.count === 0 || count === 0) return { key, label, count };
  return {
    key,
    label,
    count,
    rate: { of: of.count, base: of.base, percent: percent.format(count / of.count) },
  };
}

/** Deliveries that left Atrium and count: sent by mail, or kept in the outbox when no mail server is set. */
export const sentOf = (m: Metrics) => m.sent + m.captured;

/** Nothing was sent for real yet (test sends count in no metrics). */
export const nothingSent = (m: Metrics) => m.deliveries - m.test === 0;

export function figuresOf(m: Metrics): FigureGroup[] {
  const sent = { count: sentOf(m), base: 'sent' };
  // Opens, clicks and the like are a share of what arrived: of the deliveries your app reported
  // delivered when it reports them, else of those sent.
  const reached = m.delivered > 0 ? { count: m.delivered, base: 'delivered' } : sent;
  const attempted = { count: m.deliveries - m.test - m.queued, base: 'attempted' };
  return [
    {
      title: 'How it went',
      figures: [
        {
          ...figure('sent', 'Sent', sent.count),
          ...(m.captured > 0 && {
            hint: `${m.captured.toLocaleString('en-US')} kept in the outbox: no mail server is set up`,
          }),
        },
        figure('delivered', 'Delivered', m.delivered, sent),
        figure('opened', 'Opened', m.opened, reached),
        figure('clicked', 'Clicked', m.clicked, reached),
        figure('converted', 'Converted', m.converted, reached),
        figure('unsubscribed', 'Unsubscribed', m.unsubscribed, reached),
      ],
    },
    {
      title: 'What went wrong',
      figures: [
        figure('bounced', 'Bounced', m.bounced, sent),
        figure('dropped', 'Dropped', m.dropped, sent),
        figure('deferred', 'Deferred', m.deferred, sent),
        figure('spammed', 'Marked as spam', m.spammed, reached),
        figure('failed', 'Could not be sent', m.failed, attempted),
        {
          ...figure('suppressed', 'Not sent', m.suppressed, attempted),
          hint: 'Held back before leaving; each delivery below says why',
        },
      ],
    },
    {
      title: 'Not counted',
      onlyWhenSome: true,
      figures: [
        figure('queued', 'Waiting to be sent', m.queued),
        { ...figure('test', 'Test sends', m.test), hint: 'Tests count in no other figure' },
      ],
    },
  ];
}
