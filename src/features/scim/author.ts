/** Who the activity log says did what SCIM provisioning does. */
export const SCIM_AUTHOR = { memberId: null, name: 'SCIM' } as const;
