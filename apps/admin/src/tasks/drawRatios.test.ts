import { describe, expect, it } from 'vitest';
import { defaultRatios, ratioFloor, ratioItemsOf } from './drawRatios';

const land = {
  name: '土地使用情况监督检查',
  minRatioBp: 1000,
  riskRatios: [
    { riskClass: 'A', ratioBp: 1000 },
    { riskClass: 'B', ratioBp: 1000 },
    { riskClass: 'C', ratioBp: 2000 },
    { riskClass: 'D', ratioBp: 3000 },
  ],
};
const mining = { name: '矿产资源开发利用监督检查', minRatioBp: 3000 };

describe('the ratios of a task’s draw', () => {
  it('default per risk class to the highest of the items’ ratios', () => {
    expect(defaultRatios([land])).toEqual({ A: 1000, B: 1000, C: 2000, D: 3000 });
    expect(defaultRatios([land, mining])).toEqual({ A: 3000, B: 3000, C: 3000, D: 3000 });
    expect(defaultRatios([{ ...mining, minRatioBp: 500 }, land])).toEqual({
      A: 1000,
      B: 1000,
      C: 2000,
      D: 3000,
    });
  });

  it('may not go below the highest item minimum, named by its item', () => {
    expect(ratioFloor([land, mining])).toEqual({ ratioBp: 3000, item: '矿产资源开发利用监督检查' });
    expect(ratioFloor([])).toEqual({ ratioBp: 0, item: null });
  });

  it('read the items of a task record, leaving out what is not an item', () => {
    expect(ratioItemsOf([land, { id: 'x' }, null])).toEqual([land]);
    expect(ratioItemsOf(undefined)).toEqual([]);
  });
});
