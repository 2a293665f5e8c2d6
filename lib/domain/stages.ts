/** The pipeline's order: nursery -> incubating -> graduated -> accelerating, and exits. */
export const VENTURE_STAGES = ['nursery', 'incubating', 'graduated', 'accelerating', 'exited'] as const;
export type VentureStage = (typeof VENTURE_STAGES)[number];

export const CARRIER_KINDS = ['nursery', 'incubator', 'accelerator'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];
