import type { Answer, Body } from '../../lib/api';

export type Settings = Answer<'/api/workspaces/{workspaceId}/settings', 'get'>;
export type SettingsChange = Body<'/api/workspaces/{workspaceId}/settings', 'patch'>;
