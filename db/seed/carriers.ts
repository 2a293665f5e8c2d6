/**
 * The demo network's carriers, modelled on Pudong's nurseries, incubators and accelerators,
 * and the accounts that run them. Figures are plausible, not official.
 */
import { buildCreditCode } from '../../lib/domain/credit-code';
import type { Role } from '../../lib/roles';
import type { CarrierKind, CarrierLevel, Industry, Ownership } from '../../lib/domain/vocabulary';

export type { CarrierKind };

export type CarrierDef = {
  key: string;
  name: string;
  nameEn: string;
  kind: CarrierKind;
  level: CarrierLevel;
  ownership: Ownership;
  operatorOrg: string;
  zone: string;
  address: string;
  operatingSince: string;
  /** total, incubation, public service (m²) */
  areas: readonly [number, number, number];
  workstations: number;
  seedFundWan: number;
  /** professional, total */
  staff: readonly [number, number];
  mentors: number;
  focus: readonly Industry[];
  specialised: boolean;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  /** Relative share of new tenants this carrier takes. */
  weight: number;
};

const SERVICES: Record<CarrierKind, string> = {
  nursery: '开放工位、创业辅导、项目路演、工商注册代办、天使投资对接',
  incubator: '公共技术服务平台、投融资对接、知识产权代理、政策申报辅导、创业导师辅导、人才公寓',
  accelerator: '产业化空间、供应链对接、并购与上市辅导、银行知识产权质押贷款对接、国际市场拓展',
};

export function servicesOf(kind: CarrierKind): string {
  return SERVICES[kind];
}

// One carrier a line, as the district lists them.
// prettier-ignore
export const CARRIERS: readonly CarrierDef[] = [
  // 创业苗圃 / 众创空间
  {
    key: 'pdsp-nursery', name: '浦东软件园创业苗圃', nameEn: 'Pudong Software Park Start-up Nursery', kind: 'nursery',
    level: 'municipal', ownership: 'state', operatorOrg: '上海浦东软件园股份有限公司', zone: '张江',
    address: '上海市浦东新区郭守敬路498号', operatingSince: '2012-06-01', areas: [2400, 1600, 500], workstations: 220,
    seedFundWan: 300, staff: [6, 8], mentors: 15, focus: ['software', 'ai'], specialised: false,
    contactName: '顾晓东', contactPhone: '021-50270001', contactEmail: 'nursery@pdsp.example.org', weight: 6,
  },
  {
    key: 'zjyg-maker', name: '张江药谷众创空间', nameEn: 'Zhangjiang Pharma Valley Maker Space', kind: 'nursery',
    level: 'municipal', ownership: 'mixed', operatorOrg: '上海张江药谷公共服务平台有限公司', zone: '张江',
    address: '上海市浦东新区蔡伦路780号', operatingSince: '2015-09-01', areas: [1800, 1100, 450], workstations: 160,
    seedFundWan: 200, staff: [5, 7], mentors: 12, focus: ['biomedicine'], specialised: true,
    contactName: '沈慧敏', contactPhone: '021-50800212', contactEmail: 'maker@zjyg.example.org', weight: 5,
  },
  {
    key: 'lingang-nursery', name: '临港智造创业苗圃', nameEn: 'Lingang Smart Manufacturing Start-up Nursery', kind: 'nursery',
    level: 'district', ownership: 'state', operatorOrg: '上海临港科技创新发展有限公司', zone: '临港',
    address: '上海市浦东新区环湖西二路888号', operatingSince: '2019-05-01', areas: [2000, 1300, 400], workstations: 150,
    seedFundWan: 150, staff: [4, 6], mentors: 10, focus: ['advanced_manufacturing', 'new_energy'], specialised: false,
    contactName: '陆振华', contactPhone: '021-68280310', contactEmail: 'nursery@lingang.example.org', weight: 4,
  },
  {
    key: 'ljz-maker', name: '陆家嘴金融科技众创空间', nameEn: 'Lujiazui Fintech Maker Space', kind: 'nursery',
    level: 'district', ownership: 'private', operatorOrg: '上海陆家嘴创享空间管理有限公司', zone: '陆家嘴',
    address: '上海市浦东新区银城中路501号', operatingSince: '2016-03-01', areas: [1500, 950, 380], workstations: 140,
    seedFundWan: 100, staff: [4, 5], mentors: 9, focus: ['fintech', 'software'], specialised: false,
    contactName: '钱若曦', contactPhone: '021-58880420', contactEmail: 'hello@ljzmaker.example.org', weight: 3,
  },
  // 孵化器
  {
    key: 'zjyg-inc', name: '张江药谷孵化器', nameEn: 'Zhangjiang Pharma Valley Incubator', kind: 'incubator',
    level: 'national', ownership: 'state', operatorOrg: '上海张江生物医药基地开发有限公司', zone: '张江',
    address: '上海市浦东新区李冰路67弄', operatingSince: '2003-03-01', areas: [36000, 26000, 5000], workstations: 600,
    seedFundWan: 2000, staff: [28, 32], mentors: 40, focus: ['biomedicine'], specialised: true,
    contactName: '孙丽', contactPhone: '021-50801100', contactEmail: 'incubator@zjyg.example.org', weight: 32,
  },
  {
    key: 'pdsp-inc', name: '浦东软件园孵化器', nameEn: 'Pudong Software Park Incubator', kind: 'incubator',
    level: 'national', ownership: 'state', operatorOrg: '上海浦东软件园股份有限公司', zone: '张江',
    address: '上海市浦东新区祖冲之路2277弄', operatingSince: '2001-08-01', areas: [28000, 20000, 4200], workstations: 900,
    seedFundWan: 1500, staff: [22, 26], mentors: 35, focus: ['software', 'ai', 'integrated_circuits'], specialised: false,
    contactName: '赵磊', contactPhone: '021-50270200', contactEmail: 'incubator@pdsp.example.org', weight: 30,
  },
  {
    key: 'ic-inc', name: '张江集成电路设计孵化器', nameEn: 'Zhangjiang IC Design Incubator', kind: 'incubator',
    level: 'municipal', ownership: 'mixed', operatorOrg: '上海张江集成电路产业区开发有限公司', zone: '张江',
    address: '上海市浦东新区张东路1387号', operatingSince: '2010-11-01', areas: [18000, 13000, 2600], workstations: 520,
    seedFundWan: 1200, staff: [15, 18], mentors: 22, focus: ['integrated_circuits'], specialised: true,
    contactName: '周杰', contactPhone: '021-68790330', contactEmail: 'incubator@zjic.example.org', weight: 26,
  },
  {
    key: 'fudan-inc', name: '复旦张江科技园孵化器', nameEn: 'Fudan Zhangjiang Science Park Incubator', kind: 'incubator',
    level: 'municipal', ownership: 'university', operatorOrg: '上海复旦张江科技园管理有限公司', zone: '张江',
    address: '上海市浦东新区蔡伦路1690号', operatingSince: '2008-05-01', areas: [15000, 10500, 2200], workstations: 420,
    seedFundWan: 800, staff: [12, 15], mentors: 28, focus: ['biomedicine', 'ai', 'new_materials'], specialised: false,
    contactName: '许文博', contactPhone: '021-50806600', contactEmail: 'incubator@fdzj.example.org', weight: 20,
  },
  {
    key: 'lingang-inc', name: '临港海洋高新孵化器', nameEn: 'Lingang Marine Hi-Tech Incubator', kind: 'incubator',
    level: 'municipal', ownership: 'state', operatorOrg: '上海临港海洋高新技术产业发展有限公司', zone: '临港',
    address: '上海市浦东新区海洋一路333号', operatingSince: '2013-10-01', areas: [22000, 15000, 3500], workstations: 480,
    seedFundWan: 1000, staff: [14, 18], mentors: 20, focus: ['new_materials', 'advanced_manufacturing', 'new_energy'],
    specialised: false, contactName: '吴芳', contactPhone: '021-68283300', contactEmail: 'incubator@lingang.example.org',
    weight: 20,
  },
  {
    key: 'jinqiao-inc', name: '金桥智能网联孵化器', nameEn: 'Jinqiao Intelligent Connectivity Incubator', kind: 'incubator',
    level: 'district', ownership: 'private', operatorOrg: '上海金桥智创孵化器管理有限公司', zone: '金桥',
    address: '上海市浦东新区新金桥路1888号', operatingSince: '2017-04-01', areas: [12000, 8500, 1800], workstations: 360,
    seedFundWan: 600, staff: [9, 12], mentors: 16, focus: ['ai', 'advanced_manufacturing', 'software'], specialised: false,
    contactName: '韩俊杰', contactPhone: '021-50309900', contactEmail: 'hub@jqzc.example.org', weight: 20,
  },
  {
    key: 'ljz-inc', name: '陆家嘴金融科技孵化器', nameEn: 'Lujiazui Fintech Incubator', kind: 'incubator',
    level: 'district', ownership: 'private', operatorOrg: '上海陆家嘴金融科技服务有限公司', zone: '陆家嘴',
    address: '上海市浦东新区东方路778号', operatingSince: '2016-09-01', areas: [8000, 5600, 1400], workstations: 300,
    seedFundWan: 500, staff: [8, 10], mentors: 14, focus: ['fintech', 'software', 'ai'], specialised: false,
    contactName: '罗思琪', contactPhone: '021-58886600', contactEmail: 'incubator@ljzfintech.example.org', weight: 14,
  },
  {
    key: 'expo-inc', name: '世博文化创意孵化器', nameEn: 'Expo Cultural and Creative Incubator', kind: 'incubator',
    level: 'none', ownership: 'mixed', operatorOrg: '上海世博文创园区管理有限公司', zone: '世博',
    address: '上海市浦东新区国展路1099号', operatingSince: '2018-06-01', areas: [9000, 6200, 1500], workstations: 280,
    seedFundWan: 300, staff: [6, 9], mentors: 11, focus: ['culture_creative', 'software'], specialised: false,
    contactName: '唐欣怡', contactPhone: '021-20250880', contactEmail: 'incubator@expoculture.example.org', weight: 13,
  },
  // 加速器
  {
    key: 'bio-acc', name: '张江生物医药加速器', nameEn: 'Zhangjiang Biomedicine Accelerator', kind: 'accelerator',
    level: 'municipal', ownership: 'state', operatorOrg: '上海张江生物医药基地开发有限公司', zone: '张江',
    address: '上海市浦东新区哈雷路998号', operatingSince: '2012-09-01', areas: [52000, 40000, 6000], workstations: 0,
    seedFundWan: 3000, staff: [16, 20], mentors: 18, focus: ['biomedicine', 'integrated_circuits'], specialised: false,
    contactName: '梁海燕', contactPhone: '021-50805500', contactEmail: 'accelerator@zjbio.example.org', weight: 1,
  },
  {
    key: 'jinqiao-acc', name: '金桥智能制造加速器', nameEn: 'Jinqiao Smart Manufacturing Accelerator', kind: 'accelerator',
    level: 'district', ownership: 'mixed', operatorOrg: '上海金桥经济技术开发区管理有限公司', zone: '金桥',
    address: '上海市浦东新区金穗路1505号', operatingSince: '2014-05-01', areas: [46000, 35000, 5000], workstations: 0,
    seedFundWan: 2000, staff: [12, 16], mentors: 15, focus: ['advanced_manufacturing', 'ai', 'new_energy'], specialised: false,
    contactName: '郑浩', contactPhone: '021-50301234', contactEmail: 'accelerator@jinqiao.example.org', weight: 1,
  },
  {
    key: 'wgq-acc', name: '外高桥新能源新材料加速器', nameEn: 'Waigaoqiao New Energy and Materials Accelerator',
    kind: 'accelerator', level: 'district', ownership: 'state', operatorOrg: '上海外高桥集团科创发展有限公司', zone: '外高桥',
    address: '上海市浦东新区富特北路211号', operatingSince: '2016-11-01', areas: [38000, 28000, 4000], workstations: 0,
    seedFundWan: 1500, staff: [10, 13], mentors: 12, focus: ['new_energy', 'new_materials', 'other'], specialised: false,
    contactName: '蒋国栋', contactPhone: '021-58668800', contactEmail: 'accelerator@wgq.example.org', weight: 1,
  },
];

export function carrierDef(key: string): CarrierDef {
  const def = CARRIERS.find((c) => c.key === key);
  if (!def) throw new Error(`Unknown demo carrier ${key}`);
  return def;
}

/** Carrier credit codes use a fixed 'MA2' block so that they never collide with ventures' 'MA1' codes. */
export function carrierCreditCode(index: number): string {
  return buildCreditCode('91', '310115', `MA2C${String(1000 + index * 37).padStart(4, '0')}`);
}

export type AccountDef = {
  email: string;
  name: string;
  role: Role;
  carriers: readonly string[];
};

export const ACCOUNTS: readonly AccountDef[] = [
  { email: 'admin@example.org', name: '系统管理员', role: 'admin', carriers: [] },
  { email: 'committee1@example.org', name: '王敏', role: 'committee', carriers: [] },
  { email: 'committee2@example.org', name: '李强', role: 'committee', carriers: [] },
  { email: 'committee3@example.org', name: '陈静', role: 'committee', carriers: [] },
  { email: 'operator1@example.org', name: '赵磊', role: 'operator', carriers: ['pdsp-inc', 'pdsp-nursery'] },
  { email: 'operator2@example.org', name: '孙丽', role: 'operator', carriers: ['zjyg-inc'] },
  { email: 'operator3@example.org', name: '周杰', role: 'operator', carriers: ['ic-inc'] },
  { email: 'operator4@example.org', name: '吴芳', role: 'operator', carriers: ['lingang-inc', 'lingang-nursery'] },
  { email: 'operator5@example.org', name: '郑浩', role: 'operator', carriers: ['jinqiao-acc'] },
  // The other two of the three administrators (三员分立), after the others so that their ids stay.
  { email: 'security@example.org', name: '安全管理员', role: 'security', carriers: [] },
  { email: 'auditor@example.org', name: '审计管理员', role: 'auditor', carriers: [] },
];
