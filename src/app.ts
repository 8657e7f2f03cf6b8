import dns from 'node:dns/promises';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { Database } from './db/connection.js';
import { accountRoutes } from './features/accounts/routes.js';
import { activityRoutes } from './features/activity/routes.js';
import { apiKeyRoutes } from './features/api-keys/routes.js';
import { type RouteTable, registerAuthentication } from './features/auth/authenticate.js';
import { authRoutes } from './features/auth/routes.js';
import { authzRoutes } from './features/authz/routes.js';
import { identityRoutes } from './features/identity/routes.js';
import { deliverEmail } from './features/mail/deliver.js';
import { mailRoutes } from './features/mail/routes.js';
import { DELIVER_JOB } from './features/mail/service.js';
import { createTransport } from './features/mail/transport.js';
import { passkeyRoutes } from './features/passkeys/routes.js';
import { EXPORT_JOB, writeExport } from './features/people/export-job.js';
import { IMPORT_JOB, IMPORT_SWEEP_MS, sweepImportUploads } from './features/people/import.js';
import { importPeople } from './features/people/import-job.js';
import { peopleRoutes } from './features/people/routes.js';
import { scimAdminRoutes } from './features/scim/admin-routes.js';
import { scimRoutes } from './features/scim/routes.js';
import { securityRoutes } from './features/security/routes.js';
import { SIGN_IN_SWEEP_MS, sweepSignIns } from './features/sso/logins.js';
import { ssoRoutes } from './features/sso/routes.js';
import { teamRoutes } from './features/team/routes.js';
import { trackRoutes } from './features/track/v1-routes.js';
import { moveWorkspace } from './features/transfers/job.js';
import { transferRoutes } from './features/transfers/routes.js';
import { TRANSFER_JOB } from './features/transfers/service.js';
import { twoFactorRoutes } from './features/two-factor/routes.js';
import { purgeWorkspace } from './features/workspaces/purge.js';
import { revalidateWorkspace } from './features/workspaces/revalidate.js';
import { workspaceRoutes } from './features/workspaces/routes.js';
import { PURGE_JOB, REVALIDATE_JOB } from './features/workspaces/service.js';
import { AccountCache } from './shared/account-cache.js';
import { isEmailAddress } from './shared/email-address.js';
import './http/route-access.js';
import { adAudienceRoutes } from './features/content/ad-audiences.js';
import { assetRoutes } from './features/content/assets.js';
import { resourceKindRoutes } from './features/content/kinds-route.js';
import { messageRoutes } from './features/content/messages.js';
import { relationshipRoutes } from './features/content/relationships.js';
import { Renderer } from './features/content/render-pool.js';
import { contentRoutes } from './features/content/routes.js';
// Console lists: a segment's people, a person's events (issue #23's follow-up).
import { segmentMemberRoutes } from './features/content/segment-members.js';
import { segmentDecoration, segmentRoutes } from './features/content/segments.js';
import { BROADCAST_JOB, sendBroadcast } from './features/messaging/broadcast.js';
import { messagingRoutes } from './features/messaging/routes.js';
import { deliverWebhook, WEBHOOK_JOB } from './features/messaging/webhook.js';
import { personEventRoutes } from './features/people/events.js';
import { supportRoutes } from './features/support/routes.js';
import { trackDeliveryRoutes } from './features/track/delivery-routes.js';
import { trackFormRoutes } from './features/track/forms.js';
import { objectTypeNumberRoutes } from './features/track/object-type-routes.js';
import { trackMergeSegmentRoutes } from './features/track/v1-merge-segment-routes.js';
import { trackV2Routes } from './features/track/v2-routes.js';
import { registerBodyTypeRules } from './http/body-types.js';
import { serveConsole } from './http/console.js';
import { refuseNonFiniteNumbers } from './http/finite-numbers.js';
import { BODY_LIMIT_BYTES, registerJsonBodyParser } from './http/json-body.js';
import { registerOpenApi } from './http/openapi.js';
import {
  clientErrorHandler,
  frameworkErrors,
  registerProblemHandlers,
  requestLimits,
} from './http/problems.js';
import { registerSharedSchemas } from './http/schemas.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { refuseUnstorableText } from './http/storable-text.js';
import { requestValidators } from './http/validators.js';
import { JobQueue } from './jobs/queue.js';
import { jobRoutes } from './jobs/routes.js';
import { type JobHandler, Worker } from './jobs/worker.js';
import { type Clock, systemClock } from './shared/clock.js';
import { version } from './version.js';

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  /** DNS TXT lookups (domain verification for single sign-on); node:dns by default. */
  resolveTxt?: (name: string) => Promise<string[][]>;
}

export interface Atrium {
  app: FastifyInstance;
  ctx: AppContext;
  /** Runs background jobs; started by main.ts, driven by hand in tests. */
  worker: Worker;
  /** Every route and the access it declares. */
  routes: RouteTable;
}

/** Builds the service on an open, migrated database. No port, no global state: the caller listens. */
export async function buildApp({
  config,
  database,
  clock = systemClock,
  resolveTxt = dns.resolveTxt,
}: BuildOptions): Promise<Atrium> {
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: BODY_LIMIT_BYTES,
    http: { maxHeaderSize: requestLimits.headerBytes },
    routerOptions: { maxParamLength: requestLimits.paramLength },
    frameworkErrors,
    clientErrorHandler,
    ajv: {
      customOptions: { removeAdditional: false, allErrors: true, strictNumbers: true },
      // `format: "email"` is the service's one rule for an address (shared/email-address.ts).
      onCreate: (ajv) => ajv.addFormat('email', isEmailAddress),
    },
    schemaController: { compilersFactory: { buildValidator: requestValidators() } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const jobs = new JobQueue(database.db, clock);
  const cache = new AccountCache(() => clock.now().getTime());
  const ctx: AppContext = {
    config,
    db: database.db,
    clock,
    jobs,
    cache,
    renderer: new Renderer(),
    resolveTxt,
  };
  app.addHook('onClose', () => ctx.renderer.close());
  // Other processes' changes arrive as NOTIFY (db/functions/atrium_access_changed.sql).
  // The notice names the account; none: something may have been missed, everything goes.
  const stopListening = await database.listen('atrium_access', (accountId) => {
    if (accountId) cache.drop(accountId);
    else cache.dropAll();
  });
  app.addHook('onClose', () => stopListening());
  const handlers: Record<string, JobHandler> = {
    [PURGE_JOB]: purgeWorkspace(ctx),
    [REVALIDATE_JOB]: revalidateWorkspace(ctx),
    [IMPORT_JOB]: importPeople(ctx),
    [BROADCAST_JOB]: sendBroadcast(ctx),
    [EXPORT_JOB]: writeExport(ctx),
    [WEBHOOK_JOB]: deliverWebhook(ctx),
    [TRANSFER_JOB]: moveWorkspace(ctx),
  };
  if (config.mail.smtpUrl) handlers[DELIVER_JOB] = deliverEmail(ctx, createTransport(config.mail.smtpUrl));
  const worker = new Worker(jobs, handlers, app.log, config.workerIdleMs);
  worker.every('sweep import uploads', IMPORT_SWEEP_MS, () => sweepImportUploads(ctx));
  worker.every('forget finished sign-ins', SIGN_IN_SWEEP_MS, () => sweepSignIns(ctx));
  app.addHook('onClose', () => worker.stop());

  registerProblemHandlers(app);
  registerJsonBodyParser(app);
  registerBodyTypeRules(app);
  await registerSecurityHeaders(app, config.publicUrl);
  refuseUnstorableText(app);
  refuseNonFiniteNumbers(app);
  await app.register(cookie);
  // Before any route is declared: it checks each one for its access (and needs cookies parsed).
  const routes = registerAuthentication(app, ctx);
  registerSharedSchemas(app);
  await registerOpenApi(app, version);

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  accountRoutes(app, ctx);
  authRoutes(app, ctx);
  passkeyRoutes(app, ctx);
  identityRoutes(app, ctx);
  securityRoutes(app, ctx);
  workspaceRoutes(app, ctx);
  activityRoutes(app, ctx);
  teamRoutes(app, ctx);
  twoFactorRoutes(app, ctx);
  ssoRoutes(app, ctx);
  scimRoutes(app, ctx);
  scimAdminRoutes(app, ctx);
  apiKeyRoutes(app, ctx);
  peopleRoutes(app, ctx);
  resourceKindRoutes(app);
  contentRoutes(app, ctx, { segments: segmentDecoration });
  segmentRoutes(app, ctx);
  adAudienceRoutes(app, ctx);
  assetRoutes(app, ctx);
  relationshipRoutes(app, ctx);
  messageRoutes(app, ctx);
  messagingRoutes(app, ctx);
  trackRoutes(app, ctx);
  // Track API: merge_customers and manual segment membership (features/track).
  trackMergeSegmentRoutes(app, ctx);
  // Track API v2 (issue #23).
  trackV2Routes(app, ctx);
  objectTypeNumberRoutes(app, ctx);
  // Track API: delivery metrics, unsubscribes and forms (issue #23's follow-ups).
  trackDeliveryRoutes(app, ctx);
  trackFormRoutes(app, ctx);
  authzRoutes(app, ctx);
  mailRoutes(app, ctx);
  jobRoutes(app, ctx);
  transferRoutes(app, ctx);
  supportRoutes(app, ctx);
  // Console lists: a segment's people, a person's events.
  segmentMemberRoutes(app, ctx);
  personEventRoutes(app, ctx);
  await serveConsole(app, config.webDir);

  await app.ready();
  return { app, ctx, worker, routes };
}

/** A number of hops as Fastify takes it at run time (its types name no number): the nearest `hops` proxies. */
function trustProxyOption(
  trust: Config['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
