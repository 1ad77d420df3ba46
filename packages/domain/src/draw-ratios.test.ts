import { describe, expect, it } from 'vitest';
import { defaultRatios, drawRatios, itemRatioFor, ratioFloor, ratioItemsOf } from './draw-ratios.js';

const land = {
  name: '土地使用情况监督检查',
  minRatioBp: 1000,
  riskRatios: { A: 1000, B: 1000, C: 2000, D: 3000 },
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
    expect(defaultRatios([])).toEqual({ A: 0, B: 0, C: 0, D: 0 });
    expect(itemRatioFor(mining, 'C')).toBe(3000);
  });

  it('may not go below the highest item minimum, named by its item', () => {
    expect(ratioFloor([land, mining])).toEqual({ ratioBp: 3000, item: '矿产资源开发利用监督检查' });
    expect(ratioFloor([])).toEqual({ ratioBp: 0, item: null });
  });

  it('take the given ratios, each class once and none below the floor', () => {
    expect(drawRatios([land], undefined)).toEqual({ ratios: { A: 1000, B: 1000, C: 2000, D: 3000 } });
    expect(drawRatios([land], [{ riskClass: 'A', ratioBp: 1500 }])).toEqual({ ratios: { A: 1500 } });
    const twice = drawRatios(
      [land],
      [
        { riskClass: 'A', ratioBp: 1500 },
        { riskClass: 'A', ratioBp: 2000 },
      ],
    );
    expect('problem' in twice && twice.problem.message.en).toBe('Risk class A has two ratios');
    const below = drawRatios([land, mining], [{ riskClass: 'B', ratioBp: 2000 }]);
    expect('problem' in below && below.problem.message.en).toBe(
      'The ratio for class B (20%) is below the minimum of 30% of "矿产资源开发利用监督检查"',
    );
    expect('problem' in below && below.problem.field).toBe('ratios');
  });

  it('read the items of a task record as the API lists them, leaving out what is not an item', () => {
    const listed = {
      ...land,
      riskRatios: [
        { riskClass: 'A', ratioBp: 1000 },
        { riskClass: 'B', ratioBp: 1000 },
        { riskClass: 'C', ratioBp: 2000 },
        { riskClass: 'D', ratioBp: 3000 },
        { riskClass: 'E', ratioBp: 1 },
      ],
    };
    expect(ratioItemsOf([listed, { id: 'x' }, null])).toEqual([land]);
    expect(ratioItemsOf([mining])).toEqual([{ ...mining, riskRatios: {} }]);
    expect(ratioItemsOf(undefined)).toEqual([]);
  });
});
