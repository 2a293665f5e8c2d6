/**
 * Chinese name pools for the demo network: people, company brands, technical fields per
 * industry and investors. Invented combinations; any likeness to a real firm is chance.
 */
import type { Industry } from '../../lib/domain/vocabulary';
import type { Rng } from './random';

export type { Industry };

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '潘',
  '袁',
  '蔡',
  '蒋',
  '余',
  '杜',
  '叶',
  '程',
  '魏',
  '苏',
  '吕',
  '丁',
  '沈',
  '姚',
  '陆',
  '顾',
  '钱',
  '严',
  '范',
] as const;

const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '晨',
  '浩',
  '宇',
  '欣怡',
  '子涵',
  '思远',
  '嘉怡',
  '一鸣',
  '志强',
  '海燕',
  '俊杰',
  '文博',
  '雨桐',
  '晓峰',
  '佳琪',
  '天宇',
  '梓萱',
  '建华',
  '立新',
  '卫东',
  '慧敏',
  '振华',
  '亦凡',
  '若曦',
  '明轩',
  '晓东',
  '国栋',
  '春燕',
  '少华',
  '永刚',
  '颖',
  '琳',
  '斌',
  '鹏',
  '峥',
  '昊天',
  '心怡',
  '家豪',
  '博文',
  '思琪',
] as const;

const BRAND_FIRST = [
  '瑞',
  '康',
  '博',
  '华',
  '芯',
  '睿',
  '智',
  '恒',
  '迈',
  '泰',
  '诺',
  '微',
  '启',
  '元',
  '和',
  '澜',
  '衡',
  '源',
  '思',
  '拓',
  '领',
  '赛',
  '联',
  '星',
  '云',
  '达',
  '鼎',
  '宏',
  '凯',
  '聚',
  '锐',
  '晶',
  '昊',
  '海',
  '蓝',
  '青',
  '安',
  '益',
  '朗',
  '越',
  '磐',
  '霖',
  '弘',
  '致',
  '禾',
  '岳',
  '辰',
  '翊',
] as const;

const BRAND_SECOND = [
  '德',
  '岚',
  '泽',
  '航',
  '峰',
  '宸',
  '铭',
  '嘉',
  '逸',
  '鑫',
  '昕',
  '晟',
  '烨',
  '炜',
  '钧',
  '瀚',
  '屹',
  '图',
  '光',
  '森',
  '宁',
  '远',
  '迪',
  '捷',
  '汇',
  '纳',
  '驰',
  '奥',
  '杉',
  '帆',
  '湃',
  '琪',
  '程',
  '策',
  '璟',
  '润',
  '麟',
  '曜',
] as const;

const COMPANY_SUFFIX: Record<Industry, readonly string[]> = {
  biomedicine: ['生物科技', '医药科技', '生物医药科技', '医疗器械', '生物技术'],
  integrated_circuits: ['微电子', '半导体科技', '集成电路设计', '芯片技术', '电子科技'],
  ai: ['智能科技', '人工智能科技', '机器人科技', '视觉科技'],
  software: ['信息技术', '软件科技', '网络科技', '数据科技', '云计算科技'],
  new_energy: ['新能源科技', '储能科技', '能源技术', '氢能科技'],
  new_materials: ['新材料科技', '材料科技', '复合材料', '纳米科技'],
  advanced_manufacturing: ['智能装备', '精密机械', '自动化科技', '智能制造科技'],
  fintech: ['金融信息服务', '数字科技', '信息服务', '区块链科技'],
  culture_creative: ['文化传播', '数字文化', '文化创意', '互动娱乐'],
  modern_agriculture: ['农业科技', '生态农业科技', '种业科技'],
  other: ['环境科技', '检测技术', '科技服务', '节能科技'],
};

export const TECHNICAL_FIELDS: Record<Industry, readonly string[]> = {
  biomedicine: ['抗体药物', '细胞治疗', '基因治疗', '小分子创新药', '体外诊断试剂', '高端医疗器械', 'mRNA疫苗', '医学影像AI'],
  integrated_circuits: ['模拟芯片设计', 'SoC芯片设计', 'EDA工具', '功率半导体', '射频芯片', '存储控制芯片', '半导体设备零部件'],
  ai: ['计算机视觉', '自然语言处理', '智能语音', '机器学习平台', '工业视觉检测', '自动驾驶感知'],
  software: ['企业SaaS', '工业软件', '云原生中间件', '信息安全', '低代码平台', '分布式数据库'],
  new_energy: ['储能系统', '氢燃料电池', '光伏组件', '充换电设施', '海上风电运维'],
  new_materials: ['碳纤维复合材料', '高分子功能材料', '半导体材料', '海洋防腐材料', '石墨烯材料'],
  advanced_manufacturing: ['工业机器人', '智能装备', '精密加工', '增材制造', '海洋工程装备'],
  fintech: ['智能风控', '供应链金融', '数字支付', '智能投顾', '监管科技'],
  culture_creative: ['数字内容', '游戏研发', '工业设计', '文化IP运营', '虚拟现实展陈'],
  modern_agriculture: ['设施农业', '农业生物育种', '智慧农业物联网'],
  other: ['节能环保', '检验检测', '科技咨询'],
};

export const INVESTORS = [
  '浦东新区天使投资引导基金',
  '张江科技创业投资有限公司',
  '上海科创中心种子基金',
  '浦东科创投资集团',
  '临港新片区科创基金',
  '金桥创新投资基金',
  '元禾原点',
  '启明创投',
  '经纬创投',
  '松禾资本',
  '达晨财智',
  '君联资本',
  '深创投',
  '中科创星',
  '联想之星',
  '个人天使投资人',
] as const;

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

export function founderNames(rng: Rng): string {
  const n = rng.int(1, 3);
  const names = new Set<string>();
  while (names.size < n) names.add(personName(rng));
  return [...names].join('、');
}

/** A two-character brand such as 瑞泽; `taken` keeps brands unique across the network. */
export function brandName(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const brand = rng.pick(BRAND_FIRST) + rng.pick(BRAND_SECOND);
    if (brand[0] !== brand[1] && !taken.has(brand)) {
      taken.add(brand);
      return brand;
    }
  }
}

export function companyName(rng: Rng, brand: string, industry: Industry): string {
  return `上海${brand}${rng.pick(COMPANY_SUFFIX[industry])}有限公司`;
}

export function teamName(brand: string, field: string): string {
  return `${brand}${field}项目团队`;
}
