/** Filled in by the identity work (issue 18). */
export function PasskeysSection() {
  return null;
}
