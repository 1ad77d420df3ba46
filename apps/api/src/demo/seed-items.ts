/**
 * The four items of the seed document's list (附件 1: 舞钢市自然资源和规划局 2023 年"双随机、一公开"随机抽查检查事项清单).
 */
import type { InspectionMethod, ItemCategory } from '@suiji/domain';

export interface SeedItem {
  seq: number;
  name: string;
  legalBasis: string;
  inspectingBody: string;
  category: ItemCategory;
  targetType: string;
  minRatioBp: number;
  timesPerYear: number;
  methods: InspectionMethod[];
  remarks?: string | null;
}

const BODY = '舞钢市自然资源和规划局';

export const SEED_ITEMS: readonly SeedItem[] = [
  {
    seq: 1,
    name: '建设工程规划许可证批后监管',
    legalBasis: '河南省实施《中华人民共和国城乡规划法》办法第五十一条、第六十五条',
    inspectingBody: BODY,
    category: 'GENERAL',
    targetType: '办理建设工程规划许可证的单位和个人',
    minRatioBp: 1000,
    timesPerYear: 1,
    methods: ['ON_SITE', 'DOCUMENT'],
  },
  {
    seq: 2,
    name: '测绘资质单位检查',
    legalBasis: '河南省自然资源厅随机检查事项清单（豫自然资规【2019】3号）',
    inspectingBody: BODY,
    category: 'GENERAL',
    targetType: '舞钢市行政区域内的测绘资质单位',
    minRatioBp: 3000,
    timesPerYear: 1,
    methods: ['ON_SITE', 'DOCUMENT'],
  },
  {
    seq: 3,
    name: '土地使用情况监督检查',
    legalBasis: '中华人民共和国土地管理法 和河南省实施《土地管理法》办法',
    inspectingBody: BODY,
    category: 'GENERAL',
    targetType: '企业',
    minRatioBp: 1000,
    timesPerYear: 1,
    methods: ['ON_SITE'],
  },
  {
    seq: 4,
    name: '矿山地质环境保护与土地复垦情况的监管',
    legalBasis: '1、《矿产资源法》第十二条 2、《矿产资源法实施细则》第八条',
    inspectingBody: BODY,
    category: 'GENERAL',
    targetType: '企业',
    minRatioBp: 1000,
    timesPerYear: 1,
    methods: ['ON_SITE'],
  },
];
