// Initiatives (`Sáng kiến`): counts by stage, `⚙ Tổng điểm` and `⚙ Đề xuất khen thưởng`.

import { stageAtLeast } from '../contract/enums.ts';
import type { Initiative, InitiativeStage, IsoDate } from '../model.ts';
import { add, compare, fromNumber, toNumber, ZERO, type Rational } from './rational.ts';
import type { InitiativeProgress } from './types.ts';

export const INITIATIVE_STAGES: readonly InitiativeStage[] = ['registered', 'inProgress', 'done', 'accepted', 'proposed', 'recognised', 'stopped'];

function exactTotal(i: Initiative): Rational | null {
  let sum = ZERO;
  for (const s of i.scores) {
    if (s === null || !Number.isFinite(s)) return null;
    sum = add(sum, fromNumber(s));
  }
  return sum;
}

/** `⚙ Tổng điểm`: the sum of the five scores, only when all five are entered (exact sum). */
export function totalScore(i: Initiative): number | null {
  const t = exactTotal(i);
  return t === null ? null : toNumber(t);
}

/**
 * `⚙ Đề xuất khen thưởng` is `Đủ điều kiện` when: the stage is Đã nghiệm thu or later (not
 * Dừng), the row has no error, Tổng điểm ≥ `Điểm tối thiểu đề xuất` and Điểm hợp pháp > 0.
 */
export function isEligible(i: Initiative, minAwardScore: number): boolean {
  if (i.hasError || i.blocked || !stageAtLeast(i.stage, 'accepted')) return false;
  const total = exactTotal(i);
  const legality = i.scores[0];
  if (total === null || legality === null || legality === undefined || !(legality > 0)) return false;
  return compare(total, fromNumber(Number.isFinite(minAwardScore) ? minAwardScore : 0)) >= 0;
}

/**
 * Initiatives that count in the figures: not blocked (name, stage or registration date wrong),
 * and registered on or before the as-of date (one registered later did not exist yet then).
 */
export const countedInitiatives = (all: readonly Initiative[], asOf: IsoDate): Initiative[] =>
  all.filter((i) => !i.blocked && i.registered !== null && i.registered <= asOf);

export function initiativeProgress(all: readonly Initiative[], minAwardScore: number, asOf: IsoDate): InitiativeProgress {
  const byStage = Object.fromEntries(INITIATIVE_STAGES.map((s) => [s, 0])) as Record<InitiativeStage, number>;
  let total = 0;
  let eligible = 0;
  for (const i of countedInitiatives(all, asOf)) {
    total++;
    byStage[i.stage]++;
    if (isEligible(i, minAwardScore)) eligible++;
  }
  return { total, byStage, eligible };
}
