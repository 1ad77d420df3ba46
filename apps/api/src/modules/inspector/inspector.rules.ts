/**
 * The rules of an inspector's fields, without the database: shared by the service and by the import,
 * whose parse runs in a worker thread that loads no ORM.
 */
import {
  MAX_LENGTH,
  checkCertificateDates,
  checkLabelList,
  checkText,
  problems,
  type FieldProblem,
} from '@suiji/domain';
import type { InspectorFields } from './inspector.input.js';

/** Every problem of an inspector's fields that needs no database. */
export function inspectorProblems(fields: InspectorFields): FieldProblem[] {
  return problems(
    checkText('name', fields.name, MAX_LENGTH.short, true),
    checkText('certificateNumber', fields.certificateNumber, MAX_LENGTH.code, true),
    checkCertificateDates(fields.certificateValidFrom.trim(), fields.certificateValidUntil.trim()),
    checkLabelList('expertise', fields.expertise),
    checkText('phone', fields.phone, 50, false),
  );
}
