import { createHash } from 'node:crypto';

/**
 * A file name as a 48-bit number (the start of its SHA-1), so sets of names cost a few bytes each;
 * names sharing one are rare enough (one pair in millions at 50,000 names) that the sets built on it
 * say how they handle them.
 */
export const nameHash = (name: string): number => createHash('sha1').update(name).digest().readUIntBE(0, 6);
