import { describe, expect, it } from 'vitest';
import { diffSides, listItems, parseSide, showValue } from './trailDiff';

describe('the before and after of a trail entry', () => {
  it('marks the keys of an update that changed and those that did not', () => {
    expect(
      diffSides(
        '{"raisesRisk":true,"tags":["a"],"updatedAt":"2025-01-01T00:00:00.000Z"}',
        '{"raisesRisk":false,"tags":["a"],"updatedAt":"2025-01-02T00:00:00.000Z"}',
      ),
    ).toEqual([
      { key: 'raisesRisk', before: true, after: false, change: 'changed' },
      { key: 'tags', before: ['a'], after: ['a'], change: 'same' },
      {
        key: 'updatedAt',
        before: '2025-01-01T00:00:00.000Z',
        after: '2025-01-02T00:00:00.000Z',
        change: 'changed',
      },
    ]);
  });

  it('shows every key of a create as added and of a delete as removed', () => {
    expect(diffSides(null, '{"name":"x","seq":1}').map((row) => row.change)).toEqual(['added', 'added']);
    expect(diffSides('{"name":"x"}', null)).toEqual([
      { key: 'name', before: 'x', after: undefined, change: 'removed' },
    ]);
  });

  it('lists the keys of both sides in order, a key on one side only as added or removed', () => {
    expect(diffSides('{"b":1,"c":null}', '{"a":2,"b":1}')).toEqual([
      { key: 'a', before: undefined, after: 2, change: 'added' },
      { key: 'b', before: 1, after: 1, change: 'same' },
      { key: 'c', before: null, after: undefined, change: 'removed' },
    ]);
  });

  it('compares nested values whatever the order of their keys, and null apart from absent', () => {
    expect(diffSides('{"o":{"x":1,"y":[1,{"z":2}]}}', '{"o":{"y":[1,{"z":2}],"x":1}}')[0]!.change).toBe(
      'same',
    );
    expect(diffSides('{"o":{"x":1}}', '{"o":{"x":1,"y":null}}')[0]!.change).toBe('changed');
    expect(diffSides('{"o":[1,2]}', '{"o":{"0":1,"1":2}}')[0]!.change).toBe('changed');
    expect(diffSides('{"v":null}', '{"v":0}')[0]!.change).toBe('changed');
  });

  it('keeps a side that is not a JSON object whole rather than hide it', () => {
    expect(parseSide(null)).toBeNull();
    expect(parseSide('not json')).toEqual({ '': 'not json' });
    expect(parseSide('[1,2]')).toEqual({ '': [1, 2] });
    expect(diffSides('3', '4')).toEqual([{ key: '', before: 3, after: 4, change: 'changed' }]);
  });

  it('writes values as JSON, an absent one as nothing', () => {
    expect(showValue('a')).toBe('"a"');
    expect(showValue(null)).toBe('null');
    expect(showValue(undefined)).toBe('');
    expect(showValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });

  it('shows a list as its items, marking those that went and those that came', () => {
    const [name, tags] = diffSides(
      '{"tags":["投诉举报","新设立"],"name":"x"}',
      '{"tags":["新设立","重点监管"],"name":"y"}',
    );
    expect(listItems(tags!, 'before')).toEqual([
      { value: '投诉举报', change: 'removed' },
      { value: '新设立', change: 'same' },
    ]);
    expect(listItems(tags!, 'after')).toEqual([
      { value: '新设立', change: 'same' },
      { value: '重点监管', change: 'added' },
    ]);
    // A created list has nothing to differ from; an empty one has no items; other values are no lists.
    expect(listItems(diffSides(null, '{"tags":["a"]}')[0]!, 'after')).toEqual([
      { value: 'a', change: 'same' },
    ]);
    expect(listItems(diffSides(null, '{"tags":[]}')[0]!, 'after')).toEqual([]);
    expect(listItems(diffSides(null, '{"tags":[]}')[0]!, 'before')).toBeNull();
    expect(listItems(name!, 'after')).toBeNull();
    expect(listItems(diffSides(null, '{"o":[{"a":1}]}')[0]!, 'after')).toBeNull();
  });
});
