import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * An ObjectId derived from a readable key (its SHA-1's first 12 bytes), for documents found by a
 * key rather than by a generated id: a lookup by `_id` alone is the only filter FerretDB 1.24
 * evaluates in SQL rather than on every decoded document (docs/ferretdb.md), and on MongoDB it is
 * the primary key.
 */
export const keyId = (key: string) => new Types.ObjectId(createHash('sha1').update(key).digest('hex').slice(0, 24));
