/** A command line used wrongly (missing or invalid arguments): `atrium` prints it with the usage, exit 2. */
export class UsageError extends Error {}
