import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * An ObjectId derived from a readable key (its SHA-1's first 12 bytes), for documents found by a
 * key rather than by a generated id. FerretDB 1.24 (SQLite) reads a document by an ObjectId `_id`
 * from its primary key (~5 ms) but scans the whole collection for a string `_id` or any other
 * field (docs/ferretdb.md), so such documents store `_id: keyId(key)`.
 */
export const keyId = (key: string) => new Types.ObjectId(createHash('sha1').update(key).digest('hex').slice(0, 24));
