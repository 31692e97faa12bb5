/**
 * The `person_id` and `lookup` columns of one entities row (migration-subject.ts), from its
 * field values. A person is about itself; notes, preferences, tasks and identities name their
 * subject in `personId` (a person's or a company's id); an identity is found by `kind:value`,
 * the canonical form the extension stores (src/storage/records/canonical.ts).
 */
export function subjectColumns(
  entity: string,
  id: string,
  values: Record<string, unknown>,
): { person_id: string | null; lookup: string | null } {
  const personId = entity === 'people' ? id : typeof values.personId === 'string' ? values.personId : null;
  const lookup =
    entity === 'identities' && typeof values.kind === 'string' && typeof values.value === 'string'
      ? `${values.kind}:${values.value}`
      : null;
  return { person_id: personId, lookup };
}
