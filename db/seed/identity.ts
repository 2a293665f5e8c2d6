/**
 * Who a demo venture is: name, credit code, industry, founders, talent, certificates,
 * financing rounds and the space it takes. Shared by the life-cycle planner (network.ts).
 */
import { buildCreditCode, CREDIT_CODE_CHARSET } from '../../lib/domain/credit-code';
import { addMonths, type Day, yearOf } from './calendar';
import { CARRIERS, carrierDef } from './carriers';
import type { TechnicalField } from '../../lib/domain/venture-fields';
import { brandName, companyName, founderNames, INVESTORS, teamName, TECHNICAL_FIELDS, type Industry } from './names';
import type { FinancingPlan, ResidencyStage } from './plan-types';
import type { Rng } from './random';
import type { CarrierKind } from '../../lib/domain/vocabulary';

/** 60 months for these industries, 48 for the rest (国科发区〔2018〕300号). */
export const LONG_INCUBATION_INDUSTRIES: readonly Industry[] = ['biomedicine', 'integrated_circuits', 'modern_agriculture'];

export function incubationLimitMonths(industry: Industry): number {
  return LONG_INCUBATION_INDUSTRIES.includes(industry) ? 60 : 48;
}

const GENERAL_MIX: readonly (readonly [Industry, number])[] = [
  ['ai', 14],
  ['software', 16],
  ['biomedicine', 12],
  ['integrated_circuits', 8],
  ['new_energy', 8],
  ['new_materials', 8],
  ['advanced_manufacturing', 10],
  ['fintech', 6],
  ['culture_creative', 6],
  ['modern_agriculture', 3],
  ['other', 4],
];

/** Specialised carriers keep to their industry; the others lean to their focus. */
export function industryFor(rng: Rng, carrierKey: string): Industry {
  const c = carrierDef(carrierKey);
  if (c.specialised) return rng.chance(0.9) ? c.focus[0]! : rng.weighted(GENERAL_MIX);
  return rng.chance(0.68) ? rng.pick(c.focus) : rng.weighted(GENERAL_MIX);
}

export function pickCarrier(rng: Rng, kind: CarrierKind, except?: string): string {
  const options = CARRIERS.filter((c) => c.kind === kind && c.key !== except).map((c) => [c.key, c.weight] as const);
  return rng.weighted(options);
}

const NURSERY_TO_INCUBATOR: Record<string, readonly (readonly [string, number])[]> = {
  'pdsp-nursery': [
    ['pdsp-inc', 6],
    ['ic-inc', 2],
    ['fudan-inc', 1],
    ['jinqiao-inc', 1],
  ],
  'zjyg-maker': [
    ['zjyg-inc', 6],
    ['fudan-inc', 2],
  ],
  'lingang-nursery': [
    ['lingang-inc', 6],
    ['jinqiao-inc', 2],
  ],
  'ljz-maker': [
    ['ljz-inc', 6],
    ['pdsp-inc', 1],
    ['expo-inc', 1],
  ],
};

/** Teams mostly incorporate into the incubator next door. */
export function incubatorAfterNursery(rng: Rng, nurseryKey: string): string {
  return rng.weighted(NURSERY_TO_INCUBATOR[nurseryKey] ?? [['pdsp-inc', 1]]);
}

export function acceleratorFor(industry: Industry): string {
  if (industry === 'biomedicine' || industry === 'integrated_circuits') return 'bio-acc';
  if (industry === 'new_energy' || industry === 'new_materials' || industry === 'other' || industry === 'modern_agriculture') {
    return 'wgq-acc';
  }
  return 'jinqiao-acc';
}

export function spaceFor(rng: Rng, stage: ResidencyStage, industry: Industry): { areaM2: number; workstations: number } {
  if (stage === 'nursery') {
    const workstations = rng.int(2, 8);
    return { areaM2: rng.chance(0.4) ? 0 : workstations * 4, workstations };
  }
  if (stage === 'accelerating') {
    const areaM2 = rng.int(8, 50) * 50;
    return { areaM2, workstations: Math.round(areaM2 / 15) };
  }
  const lab = industry === 'biomedicine' || industry === 'integrated_circuits';
  const areaM2 = lab ? rng.int(12, 45) * 10 : rng.int(4, 25) * 10;
  return { areaM2, workstations: Math.max(4, Math.round(areaM2 / (lab ? 12 : 8))) };
}

/** 'founded_over_24_months' when a company enters incubation more than 24 months after it was founded. */
export function admissionWarnings(stage: ResidencyStage, entered: Day, founded: Day | null): string[] {
  if (stage !== 'incubating' || founded === null) return [];
  return entered > addMonths(founded, 24) ? ['founded_over_24_months'] : [];
}

/** The Torch statistics' technical field of a venture of each industry. */
const TORCH_FIELD: Record<Industry, TechnicalField> = {
  biomedicine: 'biomedicine',
  integrated_circuits: 'electronic_information',
  ai: 'electronic_information',
  software: 'electronic_information',
  new_energy: 'new_energy_efficiency',
  new_materials: 'new_materials',
  advanced_manufacturing: 'optomechatronics',
  fintech: 'electronic_information',
  culture_creative: 'other',
  modern_agriculture: 'modern_agriculture',
  other: 'environmental_protection',
};

export type Identity = {
  brand: string;
  name: string;
  teamName: string;
  technicalField: string;
  founders: string;
  talentFlags: string[];
};

export class IdentityFactory {
  private readonly brands = new Set<string>();
  private readonly codes = new Set<string>();
  private readonly certs = new Set<string>();

  constructor(private readonly rng: Rng) {}

  identity(industry: Industry): Identity {
    const rng = this.rng;
    const brand = brandName(rng, this.brands);
    const speciality = rng.pick(TECHNICAL_FIELDS[industry]);
    const science = industry === 'biomedicine' || industry === 'integrated_circuits' || industry === 'new_materials';
    const talentFlags: string[] = [];
    if (rng.chance(science ? 0.45 : 0.2)) talentFlags.push('phd');
    if (rng.chance(science ? 0.25 : 0.12)) talentFlags.push('returnee');
    if (rng.chance(science ? 0.08 : 0.02)) talentFlags.push('national_talent');
    return {
      brand,
      name: companyName(rng, brand, industry),
      teamName: teamName(brand, speciality),
      technicalField: TORCH_FIELD[industry],
      founders: founderNames(rng),
      talentFlags,
    };
  }

  /** A valid, unique Pudong code: 91 310115 MA1xxxxx + checks. */
  creditCode(): string {
    for (;;) {
      let org = 'MA1';
      for (let i = 0; i < 5; i++) org += this.rng.pick(CREDIT_CODE_CHARSET.split(''));
      const code = buildCreditCode('91', '310115', org);
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
  }

  /** 高新技术企业证书编号, e.g. GR202331001234 (GR + year + 31 for Shanghai + serial). */
  highTechCertNo(day: Day): string {
    for (;;) {
      const no = `GR${yearOf(day)}31${String(this.rng.int(0, 999_999)).padStart(6, '0')}`;
      if (!this.certs.has(no)) {
        this.certs.add(no);
        return no;
      }
    }
  }
}

export const FEN_PER_WAN = 1_000_000;

export function financing(rng: Rng, day: Day, minWan: number, maxWan: number): FinancingPlan {
  const wan = rng.int(minWan / 10, maxWan / 10) * 10;
  return { day, amountFen: wan * FEN_PER_WAN, investor: rng.pick(INVESTORS) };
}
