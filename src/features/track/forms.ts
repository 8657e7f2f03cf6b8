import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { DomainError, invalid } from '../../shared/errors.js';
import { applyOperations } from './apply.js';
import { checkAttributes, checkEventData, orThrow } from './limits.js';
import type { PersonRef, TrackOperation } from './operations.js';
import { Queued } from './v1-answers.js';

/** The event a form submission records on the person, with the form's id and fields. */
export const FORM_SUBMITTED = 'form_submitted';

/** Keys Customer.io keeps for itself in a form's data, and ignores when a request sends them. */
const RESERVED = new Set(['form_id', 'form_name', 'form_type', 'form_url', 'form_url_param']);

const FormBody = Type.Object(
  {
    data: Type.Record(Type.String({ maxLength: 150 }), Type.Unknown(), {
      description:
        'The form’s fields, each a string: exactly one of email or id names the person; the others become their attributes',
    }),
  },
  { additionalProperties: false },
);

/**
 * A submission as one operation: an identify of the person its email or id names, setting the
 * other fields as attributes (creating the person when there is none), and the form_submitted
 * event, applied together (a form half-submitted would leave a person without their event).
 */
export function formOperation(formId: string, data: Record<string, unknown>): TrackOperation {
  const fields = Object.fromEntries(Object.entries(data).filter(([name]) => !RESERVED.has(name)));
  for (const [name, value] of Object.entries(fields))
    if (typeof value !== 'string') throw invalid(`/data/${name}`, 'form values must be strings');
  const { email, id } = fields as Record<string, string | undefined>;
  if (email === undefined && id === undefined)
    throw invalid('/data', 'the form’s data must name the person: an email or an id field');
  if (email !== undefined && id !== undefined)
    throw invalid('/data', 'the form’s data must have one identifier, email or id, not both');
  orThrow(checkAttributes(fields, 'data', { identify: true }));
  // The event's data as it is stored, the form's id included.
  const eventData = { form_id: formId, ...fields };
  orThrow(checkEventData(eventData, 'data'));
  const person: PersonRef = email !== undefined ? { email } : { id: id! };
  return {
    type: 'person',
    action: 'submit_form',
    person,
    attributes: fields,
    event: { name: FORM_SUBMITTED, type: 'event', data: eventData },
  };
}

/** Customer.io's Forms API, as customerio-node's submitForm calls it. */
export function trackFormRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/v1/forms/:formId/submit',
    {
      config: { access: 'track_key' },
      schema: {
        tags: ['Track API'],
        summary: 'Submit a form: identify the person its email or id names, and record form_submitted',
        description:
          'The other fields become the person’s attributes (form_id, form_name, form_type, form_url and form_url_param are ignored, as Customer.io reserves them). Answers 204, as Customer.io does.',
        params: Type.Object({ formId: Type.String({ minLength: 1, maxLength: 150 }) }),
        body: FormBody,
        response: {
          204: Type.Null({ description: 'Submitted' }),
          202: Queued,
          ...problems(400, 401, 409),
        },
      },
    },
    async (req, reply) => {
      const [outcome] = await applyOperations(ctx, req.trackKey!, [
        formOperation(req.params.formId, req.body.data),
      ]);
      if (outcome instanceof DomainError) throw outcome; // an email taken by someone else: 409
      if (outcome && 'queued' in outcome) return reply.code(202).send({ queued: true });
      return reply.code(204).send(null);
    },
  );
}
