/**
 * Company ids carry this prefix, so a note's subject (`personId`) says which kind it is. Apart
 * from schema.ts: the database's write middleware needs only this, not the record schemas and
 * zod, which the panel's first look would otherwise load and build before it can show anyone.
 */
export const COMPANY_ID_PREFIX = 'co-';
export const isCompanyId = (id: string) => id.startsWith(COMPANY_ID_PREFIX);
