/**
 * A venture's own data as its carrier keeps it (docs/architecture.md, "one vocabulary"): the
 * talent flags and the fields the carrier of its open stay edits. The edit form's input
 * (lib/validation/venture.ts), the detail page's read, the edit with its audit entry
 * (db/queries/ventures/) and the spreadsheets derive from these lists.
 */

/** The talent a venture's founders bring; labels under `talent` (ventures.json), used by the forms and the import template alike. */
export const TALENT_FLAGS = ['phd', 'returnee', 'national_talent', 'fresh_graduate'] as const;
export type TalentFlag = (typeof TALENT_FLAGS)[number];

/** The flags in the vocabulary's order, each once; anything else is dropped. */
export function orderedTalentFlags(flags: readonly string[]): TalentFlag[] {
  return TALENT_FLAGS.filter((f) => flags.includes(f));
}

/**
 * The technical fields of the Torch statistics of incubators (火炬统计), one of which each
 * venture states; labels under `technicalFields` (ventures.json). Stored as the code; a
 * venture entered before the list existed may hold free text, shown as written.
 */
export const TECHNICAL_FIELDS = [
  'electronic_information',
  'biomedicine',
  'new_materials',
  'optomechatronics',
  'new_energy_efficiency',
  'environmental_protection',
  'aerospace',
  'modern_agriculture',
  'other',
] as const;
export type TechnicalField = (typeof TECHNICAL_FIELDS)[number];

export function isTechnicalField(value: string | null | undefined): value is TechnicalField {
  return (TECHNICAL_FIELDS as readonly (string | null | undefined)[]).includes(value);
}

/** The venture's own data that the carrier of its open stay edits (ventureEditInput's fields but the id and version). */
export const EDITABLE_VENTURE_FIELDS = [
  'industry',
  'technicalField',
  'founders',
  'talentFlags',
  'highTechCertNo',
  'highTechCertOn',
  'exitKind',
  'exitOn',
] as const;
export type EditableVentureField = (typeof EDITABLE_VENTURE_FIELDS)[number];

/** The editable fields of `source`; a field it leaves out (an empty optional input) is null. */
export type EditableVentureData<T extends Partial<Record<EditableVentureField, unknown>>> = {
  [K in EditableVentureField]: Exclude<T[K], undefined> | (undefined extends T[K] ? null : never);
};
export function editableVentureData<T extends Partial<Record<EditableVentureField, unknown>>>(source: T): EditableVentureData<T> {
  return Object.fromEntries(EDITABLE_VENTURE_FIELDS.map((f) => [f, source[f] ?? null])) as EditableVentureData<T>;
}

/** The same fields as a carrier sees them once the venture has left it for another: the industry only. */
export type WithheldVentureData<I> = { [K in EditableVentureField]: K extends 'industry' ? I : K extends 'talentFlags' ? string[] : null };
export function withheldVentureData<I>(industry: I): WithheldVentureData<I> {
  const blank = Object.fromEntries(EDITABLE_VENTURE_FIELDS.map((f) => [f, f === 'talentFlags' ? [] : null]));
  return { ...blank, industry } as WithheldVentureData<I>;
}
