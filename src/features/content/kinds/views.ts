import type { WorkspacePermission } from '../../../access/catalog.js';
import { col, type Presentation } from './presentation.js';

/**
 * Lists the console shows beside the kinds that are only read here: deliveries, and the message
 * libraries (views over the messages of campaigns, broadcasts and transactional messages). Their
 * routes are messaging's and messages.ts's; what they look like is declared here, with the kinds.
 */

export const deliveryStates = ['draft', 'queued', 'sent', 'failed', 'suppressed', 'captured'] as const;

export interface ViewDefinition {
  kind: string;
  path: string;
  prefix: string;
  label: string;
  permissions: { view: WorkspacePermission; preview?: WorkspacePermission };
  presentation: Presentation;
  /** A query parameter the list may be narrowed by. */
  filter?: { param: string; label: string; values: readonly string[] };
}

const libraryColumns = [
  col('Channel', 'channel', 'badge'),
  col('Subject', 'subject'),
  col('Used in', 'source.name'),
];

export const views: readonly ViewDefinition[] = [
  {
    kind: 'delivery',
    path: 'deliveries',
    prefix: 'dlv',
    label: 'Delivery',
    permissions: { view: 'deliveries.view' },
    presentation: {
      plural: 'Deliveries & drafts',
      group: 'Journeys',
      description:
        'Every message sent to a person, and the drafts waiting to go, with what became of each. They appear once campaigns and broadcasts send.',
      title: { label: 'Recipient', field: 'recipient' },
      columns: [
        col('Subject', 'subject'),
        col('State', 'state', 'badge'),
        col('Reason', 'reason'),
        col('Opens', 'opens'),
        col('Clicks', 'clicks'),
      ],
      audit: { createdBy: false, updatedAt: true },
    },
    filter: { param: 'state', label: 'State', values: deliveryStates },
  },
  {
    kind: 'message',
    path: 'message-library',
    prefix: 'mg',
    label: 'Message',
    permissions: { view: 'message_library.view', preview: 'message_library.view' },
    presentation: {
      plural: 'Message library',
      group: 'Content',
      description:
        'Every message of your campaigns, broadcasts and transactional messages in one place. Add a message to one of them to see it here.',
      columns: libraryColumns,
      audit: { createdBy: false, updatedAt: true },
    },
  },
  {
    kind: 'in_app_message',
    path: 'in-app-messages',
    prefix: 'mg',
    label: 'In-app message',
    permissions: { view: 'in_app_messages.view' },
    presentation: {
      plural: 'In-app messages',
      group: 'Content',
      description:
        'The in-app messages of your campaigns and broadcasts. Add a message of the in-app channel to one of them to see it here.',
      columns: libraryColumns,
      audit: { createdBy: false, updatedAt: true },
    },
  },
];
