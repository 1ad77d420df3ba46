#!/usr/bin/env node
/// <reference types="node" />
/**
 * The draw for anyone, on the command line (not part of the portable core, so Node APIs are fine here):
 *
 *   draw make   < inputs.json   prints the record made from the §6 input fields (replacements as {target, out, reason})
 *   draw verify < record.json   prints OK (exit 0) or MISMATCH <field> (exit 1)
 *
 * On bad input it prints `ERROR <CODE>` (the spec's code; BAD_INPUT for text that is not JSON) and exits 1;
 * a one-line explanation goes to stderr first. An unknown command prints `ERROR USAGE` and exits 2.
 */
import { readFileSync } from 'node:fs';
import { DrawError } from './error.js';
import { makeDrawRecord } from './record.js';
import { verifyDrawRecord } from './verify.js';

function fail(code: string, message: string, exitCode: number): void {
  process.stderr.write(`draw: ${message}\n`);
  process.stdout.write(`ERROR ${code}\n`);
  process.exitCode = exitCode;
}

function readJson(): unknown {
  const text = readFileSync(0, 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new DrawError('BAD_INPUT', 'standard input is not JSON');
  }
}

function main(command: string | undefined): void {
  if (command !== 'make' && command !== 'verify') {
    fail('USAGE', 'usage: draw make < inputs.json | draw verify < record.json', 2);
    return;
  }
  try {
    const json = readJson();
    if (command === 'make') {
      process.stdout.write(
        `${JSON.stringify(makeDrawRecord(json as Parameters<typeof makeDrawRecord>[0]))}\n`,
      );
      return;
    }
    const result = verifyDrawRecord(json);
    process.stdout.write(result.ok ? 'OK\n' : `MISMATCH ${result.field}\n`);
    if (!result.ok) process.exitCode = 1;
  } catch (error) {
    if (!(error instanceof DrawError)) throw error;
    fail(error.code, error.message, 1);
  }
}

main(process.argv[2]);
