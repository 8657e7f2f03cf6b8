/**
 * The Track API's paths (v1 and v2, and the unsubscribe at the host's root), where requests and
 * answers follow Customer.io's conventions.
 */
export const TRACK_API_PATH = /^\/(api\/v[12]|unsubscribe)\//;
