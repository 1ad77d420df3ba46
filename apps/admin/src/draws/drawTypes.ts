/**
 * The records the draw and inspection pages read, as the fragments of src/graphql/records.ts select them
 * (types generated from the schema). Personal data (a member's account) is null to readers the API's field
 * policy keeps it from.
 */
import type { RaRecord } from 'react-admin';
import type {
  CategoryFieldsFragment,
  DrawFieldsFragment,
  InspectionFieldsFragment,
  PublicDrawFieldsFragment,
} from '../graphql/generated/graphql';

/** A draw as staff read it (`Draw`). */
export type DrawRecordFields = DrawFieldsFragment;

/** A draw as the public reads it (`PublicDraw`): names instead of references. */
export type PublicDrawRecordFields = PublicDrawFieldsFragment;

/** What is published of a draw: either of the two, read by the fields they share. */
export type PublishedDrawFields = DrawRecordFields | PublicDrawRecordFields;

/** An inspection (检查) as staff read it, with its team and results. */
export type InspectionRecordFields = InspectionFieldsFragment;

export type TeamMember = InspectionRecordFields['team'][number];

/** The result for one item of an inspection, once entered. */
export type ItemResultFields = InspectionRecordFields['results'][number];

/** A result category: a standard one (no department) or a department's own; `id` is its code. */
export type CategoryInfo = ItemResultFields['categoryInfo'];

export type CategoryRecordFields = CategoryFieldsFragment;

/** A draw's short number, as in its address: the first characters of its id. */
export const drawNumber = (draw: Pick<RaRecord, 'id'>) => `#${String(draw.id).slice(0, 8)}`;
