import { newUlid } from '../../shared/ids.js';

/** A person's cio_id: generated, immutable, sortable by creation (the API shows it as `cio_<cio_id>`). */
export const newPersonId = newUlid;
