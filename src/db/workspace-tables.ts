/**
 * Every table that holds a workspace's rows, keyed by workspace_id, in the order a purge deletes
 * them (rows that point at others first). A test fails when a table with a workspace_id column is
 * missing here, so a new feature cannot leave rows behind a deleted workspace.
 */
export const workspaceTables = [
  'relationships',
  'devices',
  'suppressions',
  'anonymous_events',
  'segment_members',
  'asset_blobs',
  'delivery_links',
  'deliveries',
  'resources',
  'import_uploads',
  'import_chunks',
  'export_chunks',
  'track_queue',
  'events',
  'people',
  'api_keys',
  'workspace_roles',
  'jobs',
  'outbox',
  'activity',
  // Track API v2 (issue #23): the number of each object type.
  'object_type_numbers',
  // Reported delivery metrics and unsubscribes (migration 0032); a delivery's delete cascades to them too.
  'delivery_events',
] as const;

/** Tables with a workspace_id column that are not purged with it, and why. */
export const workspaceTablesKept = {
  workspace_transfers:
    'both accounts’ record of a move, kept when the workspace is deleted later (names, not data)',
} as const satisfies Record<string, string>;
