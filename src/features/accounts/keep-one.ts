import type { Db } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import { countLiveWorkspaces } from './store.js';

/**
 * An account keeps at least one live workspace: deleting its last one, or moving it to another
 * account, is refused. `doing` ends the sentence: "deleting this one", "moving this one away".
 */
export async function assertKeepsOneWorkspace(tx: Db, accountId: string, doing: string): Promise<void> {
  if ((await countLiveWorkspaces(tx, accountId)) <= 1) {
    throw new DomainError(
      'conflict',
      `An account keeps at least one workspace; create another before ${doing}.`,
    );
  }
}
