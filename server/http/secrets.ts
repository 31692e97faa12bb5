import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer tokens and invite codes: 256 random bits, shown once, stored only as SHA-256. A fast
 * hash is enough here because the secret itself has full entropy (nothing to brute-force).
 */
export function newSecret(prefix: 'tok' | 'inv'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
