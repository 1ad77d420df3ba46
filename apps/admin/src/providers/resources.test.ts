import { readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RESOURCE_SPECS } from './resources';

const schema = buildSchema(readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8'));

describe('the resources’ filters', () => {
  it('are fields of the filter input their list query takes, so that none is dropped or refused', () => {
    const unknown = Object.entries(RESOURCE_SPECS).flatMap(([resource, spec]) => {
      const type = schema.getType(spec.filterType.replace(/!$/, ''));
      if (!isInputObjectType(type)) return [`${resource}: ${spec.filterType} is no input type`];
      const fields = type.getFields();
      return spec.filters.filter((name) => !(name in fields)).map((name) => `${resource}.${name}`);
    });
    expect(unknown).toEqual([]);
  });
});
