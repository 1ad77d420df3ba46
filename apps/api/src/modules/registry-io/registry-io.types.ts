import { MaxLength, MinLength } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Locale, Text } from '@suiji/domain';
import { PROBLEMS_LISTED } from './import-parse.js';

@InputType({ description: 'A file sent as base64 text' })
export class FileInput {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(255)
  filename!: string;

  /** At most IMPORT_FILE_MAX_BYTES once decoded, checked by the import with a message that says so. */
  @Field(() => String)
  contentBase64!: string;
}

@ObjectType({ description: 'A file to download, as base64 text' })
export class FileDownload {
  @Field(() => String)
  filename!: string;

  @Field(() => String)
  mimeType!: string;

  @Field(() => String)
  contentBase64!: string;
}

@ObjectType({ description: 'One problem of an imported row' })
export class ImportRowError {
  @Field(() => Int, { description: 'Row number in the sheet (the header is row 1)' })
  row!: number;

  @Field(() => String, { nullable: true, description: 'The column header, as in the file' })
  column!: string | null;

  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true, description: 'How to fix it' })
  hint!: string | null;
}

@ObjectType({ description: 'The outcome of an import: all rows written, or none and every problem listed' })
export class ImportReport {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => Int)
  imported!: number;

  @Field(() => Int, { description: 'Rows read, header and empty rows left out' })
  rows!: number;

  @Field(() => [ImportRowError], {
    description: `The first ${PROBLEMS_LISTED.toLocaleString('en')} problems, in row order`,
  })
  errors!: ImportRowError[];

  @Field(() => Int, { description: 'How many problems were found, listed or not' })
  errorCount!: number;
}

/** A row problem as the importer finds it, in both languages. */
export interface RowProblem {
  row: number;
  column: string | null;
  message: Text;
  hint: Text | null;
}

/** The importer's outcome before it is put in the reader's language. */
export interface ImportOutcome {
  ok: boolean;
  imported: number;
  rows: number;
  /** The first PROBLEMS_LISTED problems. */
  errors: RowProblem[];
  errorCount: number;
}

/** The outcome in the reader's language. */
export function reportIn(locale: Locale, outcome: ImportOutcome): ImportReport {
  return {
    ...outcome,
    errors: outcome.errors.map((e) => ({ ...e, message: e.message[locale], hint: e.hint?.[locale] || null })),
  };
}

export enum ImportRegistry {
  TARGETS = 'TARGETS',
  INSPECTORS = 'INSPECTORS',
}
registerEnumType(ImportRegistry, { name: 'ImportRegistry' });
