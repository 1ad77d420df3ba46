/**
 * The rules of a target's fields, without the database: shared by the service and by the import,
 * whose parse runs in a worker thread that loads no ORM.
 */
import {
  MAX_LENGTH,
  checkCreditCodeField,
  checkLabelList,
  checkText,
  problems,
  type FieldProblem,
} from '@suiji/domain';
import type { TargetFields } from './target.input.js';

/** Every problem of a target's fields (the enums are checked by GraphQL or by the importer). */
export function targetProblems(fields: TargetFields): FieldProblem[] {
  return problems(
    checkText('name', fields.name, MAX_LENGTH.name, true),
    checkCreditCodeField('creditCode', fields.creditCode),
    checkText('legalRepresentative', fields.legalRepresentative, MAX_LENGTH.short, false),
    checkText('address', fields.address, MAX_LENGTH.name, false),
    checkText('region', fields.region, MAX_LENGTH.short, true),
    checkText('contact', fields.contact, MAX_LENGTH.short, false),
    checkLabelList('tags', fields.tags),
    checkLabelList('targetTypes', fields.targetTypes),
  );
}

/** The trimmed, normalised form that is stored. */
export function normaliseTarget(fields: TargetFields): TargetFields {
  return {
    kind: fields.kind,
    riskClass: fields.riskClass,
    status: fields.status,
    name: fields.name.trim(),
    creditCode: fields.creditCode.trim().toUpperCase(),
    legalRepresentative: fields.legalRepresentative.trim(),
    address: fields.address.trim(),
    region: fields.region.trim(),
    contact: fields.contact.trim(),
    tags: [...new Set(fields.tags.map((t) => t.trim()))],
    targetTypes: [...new Set(fields.targetTypes.map((t) => t.trim()))],
  };
}
