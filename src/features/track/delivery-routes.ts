import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { pushMetrics, reportedMetrics } from '../messaging/delivery-metrics.js';
import { applyOne, v1Answers } from './v1-answers.js';

const tags = ['Track API'];
const DeliveryId = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'The delivery’s id (dlv_…): Customer.io’s CIO-Delivery-ID',
});
const Timestamp = Type.Number({ description: 'When it happened, in Unix seconds; now when absent' });

const MetricBody = Type.Object(
  {
    delivery_id: DeliveryId,
    metric: Type.Enum([...reportedMetrics]),
    timestamp: Type.Optional(Timestamp),
    recipient: Type.Optional(
      Type.Union([Type.String({ maxLength: 1000 }), Type.Number()], {
        description: 'Where the message went: accepted, not kept (the delivery knows)',
      }),
    ),
    reason: Type.Optional(Type.String({ maxLength: 1000, description: 'Why it bounced or was dropped' })),
    href: Type.Optional(Type.String({ maxLength: 2000, description: 'The link clicked' })),
  },
  { additionalProperties: false },
);

const PushEventBody = Type.Object(
  {
    delivery_id: DeliveryId,
    event: Type.Enum([...pushMetrics]),
    device_id: Type.Optional(
      Type.String({ maxLength: 1000, description: 'The device’s token: accepted, not kept' }),
    ),
    timestamp: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);

const UnsubscribeBody = Type.Object(
  {
    unsubscribe: Type.Optional(
      Type.Boolean({ description: 'true (the default): unsubscribe; false: subscribe again' }),
    ),
  },
  { additionalProperties: false },
);

/**
 * The Track API's delivery routes, as customerio-node's reportMetric, trackPush and unsubscribe
 * call them. Customer.io takes these without credentials; Atrium asks for the Track key its
 * clients send anyway, which names the workspace whose delivery it is (a delivery of another
 * workspace is never touched). Through the one applier, as delivery operations (deliveries.ts).
 */
export function trackDeliveryRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/metrics',
    {
      config: { access: 'track_key' },
      schema: {
        tags,
        summary: 'Report what became of a delivery: delivered, opened, clicked, converted, bounced…',
        description:
          'Opened and clicked add to the delivery’s opens and clicks; the others are counted per delivery, and the message’s metrics count them. A reported open counts even for a delivery without an open pixel (push, in-app), as Customer.io counts reported opens. A delivery this workspace does not have is ignored (200), as Customer.io answers.',
        body: MetricBody,
        response: v1Answers(400, 401),
      },
    },
    (req, reply) => {
      const { delivery_id, metric, timestamp, reason, href } = req.body;
      return applyOne(
        ctx,
        req.trackKey!,
        {
          type: 'delivery',
          action: 'metric',
          deliveryId: delivery_id,
          metric,
          ...(timestamp !== undefined && { timestamp }),
          ...(reason !== undefined && { reason }),
          ...(href !== undefined && { href }),
        },
        reply,
      );
    },
  );

  app.post(
    '/api/v1/push/events',
    {
      config: { access: 'track_key' },
      schema: {
        tags,
        summary:
          'Report a push metric of a delivery: delivered, opened or converted (Customer.io’s older route)',
        body: PushEventBody,
        response: v1Answers(400, 401),
      },
    },
    (req, reply) => {
      const { delivery_id, event, timestamp } = req.body;
      return applyOne(
        ctx,
        req.trackKey!,
        {
          type: 'delivery',
          action: 'metric',
          deliveryId: delivery_id,
          metric: event,
          ...(timestamp !== undefined && { timestamp }),
        },
        reply,
      );
    },
  );

  app.post(
    '/unsubscribe/:deliveryId',
    {
      config: { access: 'track_key' },
      schema: {
        tags,
        summary:
          'Unsubscribe (or subscribe again) the person a delivery went to: sets their unsubscribed attribute',
        description:
          'At the host’s root, as Customer.io’s. The unsubscribe is attributed to the delivery (its message’s metrics count it, still after a resubscribe); broadcasts send no email to a person whose unsubscribed is true. A delivery this workspace does not have, or whose person is gone (deleted, or merged into someone who got the same send): 404.',
        params: Type.Object({ deliveryId: DeliveryId }),
        body: UnsubscribeBody,
        response: v1Answers(400, 401, 404),
      },
    },
    (req, reply) =>
      applyOne(
        ctx,
        req.trackKey!,
        {
          type: 'delivery',
          action: 'unsubscribe',
          deliveryId: req.params.deliveryId,
          unsubscribed: req.body.unsubscribe ?? true,
        },
        reply,
      ),
  );
}
