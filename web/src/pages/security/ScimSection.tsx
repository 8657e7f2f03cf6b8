/** SCIM provisioning: tokens and group mappings. */
export function ScimSection() {
  return null;
}
