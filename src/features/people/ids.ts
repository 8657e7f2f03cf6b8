import { monotonicFactory } from 'ulid';

const next = monotonicFactory();

/** A person's cio_id: generated, immutable, sortable by creation (the API shows it as `cio_<cio_id>`). */
export function newPersonId(): string {
  return next().toLowerCase();
}
