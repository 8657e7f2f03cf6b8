import type { workspaceTables, workspaceTablesKept } from '../../db/workspace-tables.js';

type WorkspaceTable = (typeof workspaceTables)[number] | keyof typeof workspaceTablesKept;

/** A table that travels in the archive: how to page through it, and what the import clears. */
export interface ArchivedTable {
  name: WorkspaceTable;
  /** The primary key after workspace_id, in order: the keyset a page resumes from. */
  key: readonly string[];
  /** Rows per page when reading (asset blobs are large: few at a time). */
  pageRows: number;
  /**
   * Columns the import sets to null: ids of the source installation's members and of rows that
   * do not travel (an email in its outbox). Names written beside them (created_by_name) stay.
   */
  clear: readonly string[];
  /** Columns the import sets to the target account's id. */
  account?: readonly string[];
}

/**
 * What travels, in the order an import inserts it (a row after the rows it points at). The
 * workspace row itself travels in the manifest.
 */
export const archivedTables: readonly ArchivedTable[] = [
  { name: 'resources', key: ['id'], pageRows: 500, clear: ['created_by_member_id'] },
  { name: 'people', key: ['cio_id'], pageRows: 1000, clear: [] },
  { name: 'events', key: ['id'], pageRows: 1000, clear: [] },
  { name: 'relationships', key: ['object_id', 'cio_id'], pageRows: 1000, clear: [] },
  { name: 'segment_members', key: ['segment_id', 'cio_id'], pageRows: 2000, clear: [] },
  { name: 'devices', key: ['token'], pageRows: 1000, clear: [] },
  { name: 'suppressions', key: ['id'], pageRows: 1000, clear: [] },
  { name: 'anonymous_events', key: ['id'], pageRows: 1000, clear: [] },
  { name: 'asset_blobs', key: ['asset_id'], pageRows: 8, clear: [] },
  { name: 'deliveries', key: ['id'], pageRows: 1000, clear: ['outbox_id'] },
  { name: 'delivery_links', key: ['delivery_id', 'position'], pageRows: 2000, clear: [] },
  // The workspace's history travels with it; who did what keeps its name, loses its member id.
  {
    name: 'activity',
    key: ['id'],
    pageRows: 1000,
    clear: ['actor_member_id'],
    account: ['account_id'],
  },
  // The Track API's numbers of object types travel, so a client's object_type_id names the same type.
  { name: 'object_type_numbers', key: ['type_id'], pageRows: 1000, clear: [] },
  // A delivery's reported metrics and unsubscribes (migration 0032), after the deliveries they count.
  { name: 'delivery_events', key: ['delivery_id', 'metric'], pageRows: 2000, clear: [] },
];

/** Workspace tables deliberately left out of an archive, and why (the guard test reads this). */
export const tablesLeftOut: Partial<Record<WorkspaceTable, string>> = {
  api_keys: 'never: secrets of the source installation; the target creates new keys',
  workspace_roles: 'members of the source installation; the target account’s admins gain access by rule',
  jobs: 'transient work of the source installation',
  import_uploads: 'transient: a CSV upload in progress',
  import_chunks: 'transient: a CSV import in progress',
  export_chunks: 'transient: a people export’s file, made again on demand',
  track_queue: 'the export refuses while the workspace has queued Track calls or is revalidating',
  outbox: 'the emails the source installation sent; deliveries keep their state, not the email',
  workspace_transfers: 'moves between the accounts of the source installation, not this one',
};

/** Columns of the workspace row that the import replaces. */
export const workspaceRowCleared = ['test_recipient_member_id', 'revalidation_job_id'] as const;
