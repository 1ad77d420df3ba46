import { describe, expect, it } from 'vitest';
import { toFilter } from '../providers/dataProvider';
import { RESOURCE_SPECS } from '../providers/resources';
import { TODO_LISTS } from './todo';

describe('the to-do lists', () => {
  it('send every condition of their filter to the API (none dropped as unknown to the resource)', () => {
    const dropped = Object.values(TODO_LISTS)
      .flat()
      .filter((list) => list.resource !== 'merges')
      .flatMap((list) => {
        const filter = list.filter('department-1');
        const spec = RESOURCE_SPECS[list.resource];
        if (!spec) return [`${list.key}: no resource ${list.resource}`];
        const sent = toFilter(spec, filter);
        return Object.keys(filter)
          .filter((key) => !(key in sent))
          .map((key) => `${list.key}.${key}`);
      });
    expect(dropped).toEqual([]);
  });
});
