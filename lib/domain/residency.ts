import type { FieldErrors } from '../errors';
import type { IsoDate } from './dates';
import { EXIT_REASONS, type ExitReason, type ResidencyStage, type VentureStage } from './vocabulary';

export type { ResidencyStage };

/** Why a stay ends, as an operator records it: every exit reason but incorporation, which has its own flow. */
export type EndReason = Exclude<ExitReason, 'incorporated'>;
export const END_REASONS = EXIT_REASONS.filter((r): r is EndReason => r !== 'incorporated');

/**
 * The venture's stage once its stay has ended: graduated after a graduation, unchanged when it
 * moves on (until another carrier admits it), exited otherwise.
 */
export function ventureStageAfterExit(reason: EndReason, current: VentureStage): VentureStage {
  if (reason === 'graduated') return 'graduated';
  if (reason === 'moved') return current;
  return 'exited';
}

/** Graduation ends an incubation; nursery teams incorporate, accelerated companies simply leave. */
export function reasonsFor(stage: ResidencyStage): EndReason[] {
  const all: EndReason[] = [...END_REASONS];
  return stage === 'incubating' ? all : all.filter((r) => r !== 'graduated');
}

/** What is wrong with ending a stay on `leftOn` for `reason`; empty when it may end. */
export function endResidencyRefusals(input: { reason: EndReason; stage: ResidencyStage; enteredOn: IsoDate; leftOn: IsoDate; today: IsoDate }): FieldErrors {
  const errors: FieldErrors = {};
  if (!reasonsFor(input.stage).includes(input.reason)) errors.reason = [{ key: 'residencyErrors.graduateOnlyFromIncubation' }];
  if (input.leftOn > input.today) errors.leftOn = [{ key: 'dateInFuture' }];
  else if (input.leftOn < input.enteredOn) {
    errors.leftOn = [{ key: 'residencyErrors.beforeEntry', params: { date: input.enteredOn } }];
  }
  return errors;
}

/** Whether an accelerator may admit a venture at this stage with no open stay (graduated, or moved on from another accelerator). */
export function mayEnterAccelerator(stage: VentureStage): boolean {
  return stage === 'graduated' || stage === 'accelerating';
}
