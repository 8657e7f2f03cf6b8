import { createHash } from 'node:crypto';
import { DomainError } from '../../shared/errors.js';
import { MAX_LINE_BYTES } from './format.js';

export const damaged = (why: string) =>
  new DomainError(
    'invalid',
    `The archive is damaged or not an Atrium workspace archive: ${why}. Nothing was imported.`,
  );

/**
 * Reads one tar entry's lines as they arrive, hashing its bytes; `onLines` is awaited before the
 * next chunk is read, so the database's pace holds the file back (bounded memory). Returns the
 * entry's SHA-256.
 */
export async function readLines(
  entry: AsyncIterable<unknown>,
  onLines: (lines: string[]) => Promise<void>,
): Promise<string> {
  const hash = createHash('sha256');
  let rest = '';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of entry) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('a tar entry yields bytes');
    hash.update(chunk);
    const text = rest + decoder.decode(chunk, { stream: true });
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      rest = text;
    } else {
      rest = text.slice(end + 1);
      await onLines(text.slice(0, end).split('\n'));
    }
    if (rest.length > MAX_LINE_BYTES) throw damaged('a row is larger than any export writes');
  }
  rest += decoder.decode();
  if (rest !== '') await onLines([rest]);
  return hash.digest('hex');
}

/** A whole small entry (the manifest, the checksums) and its SHA-256. */
export async function readSmall(entry: AsyncIterable<unknown>): Promise<{ text: string; sha256: string }> {
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of entry) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('a tar entry yields bytes');
    hash.update(chunk);
    size += chunk.length;
    if (size > MAX_LINE_BYTES) throw damaged('an entry is larger than any export writes');
    chunks.push(chunk);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), sha256: hash.digest('hex') };
}
