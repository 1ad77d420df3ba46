/**
 * Every enum of the schema is a domain enum described by the domain's names: each value's description is
 * its Chinese name in LABELS, the very name the dashboard shows (its `enums.*` messages are LABELS), so a
 * state named one way in the schema and another on a page cannot happen again.
 */
import { LABELS, type DomainLabels } from '@suiji/domain';
import { isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getSchema } from './schema.js';

/** Enums that are not the domain's values: how a list sorts, and which registry an import fills. */
const NOT_DOMAIN = new Set(['SortOrder', 'ImportRegistry']);

describe('the schema’s enums', () => {
  it('are the domain’s, each value described by its name in LABELS', async () => {
    const schema = await getSchema();
    const enums = Object.values(schema.getTypeMap()).filter(
      (type) => isEnumType(type) && !type.name.startsWith('__') && !NOT_DOMAIN.has(type.name),
    );
    expect(enums.length).toBeGreaterThan(20);
    for (const type of enums) {
      if (!isEnumType(type)) continue;
      const group = (type.name[0]!.toLowerCase() + type.name.slice(1)) as keyof DomainLabels;
      const names = LABELS['zh-CN'][group] as Readonly<Record<string, string>> | undefined;
      expect(names, `LABELS has no group ${group} for enum ${type.name}`).toBeDefined();
      const described = Object.fromEntries(type.getValues().map((v) => [v.name, v.description]));
      expect(described, type.name).toEqual(
        Object.fromEntries(type.getValues().map((v) => [v.name, names?.[v.name]])),
      );
      expect(Object.keys(names ?? {}).sort(), type.name).toEqual(Object.keys(described).sort());
      expect(Object.keys(LABELS.en[group]).sort(), type.name).toEqual(Object.keys(described).sort());
    }
  });

  it('name a scheduled draw as the dashboard does (已安排, not 已排期)', async () => {
    const schema = await getSchema();
    const status = schema.getType('DrawStatus');
    expect(isEnumType(status) && status.getValue('SCHEDULED')?.description).toBe('已安排');
  });
});
