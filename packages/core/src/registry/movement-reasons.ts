/**
 * 異動事由 (standard section 210): every version of a record names the reason it was written.
 * The standard groups reasons as entries (記載), removals (消除) and changes (修正); the codes
 * here are ours, each maps to exactly one of the standard's reasons (its Japanese label).
 */
export type MovementEffect = 'entry' | 'removal' | 'change';

export interface MovementReason {
  readonly code: string;
  readonly label: string;
  readonly effect: MovementEffect;
}

const reasons = [
  // 記載の事由
  { code: 'move-in', label: '国内転入', effect: 'entry' },
  { code: 'move-in-from-abroad', label: '国外転入等', effect: 'entry' },
  { code: 'birth', label: '出生', effect: 'entry' },
  { code: 'ex-officio-entry-naturalization', label: '職権記載（帰化等）', effect: 'entry' },
  { code: 'ex-officio-entry-loss-of-nationality', label: '職権記載（国籍喪失）', effect: 'entry' },
  { code: 'ex-officio-entry', label: '職権記載', effect: 'entry' },
  { code: 'data-migration', label: '改製', effect: 'entry' },
  { code: 'cancel-entry', label: '異動の取消し（増）', effect: 'entry' },
  // 消除の事由
  { code: 'move-out', label: '国内転出', effect: 'removal' },
  { code: 'move-out-abroad', label: '国外転出', effect: 'removal' },
  { code: 'death', label: '死亡', effect: 'removal' },
  { code: 'ex-officio-removal-naturalization', label: '職権消除（帰化等）', effect: 'removal' },
  { code: 'ex-officio-removal-loss-of-nationality', label: '職権消除（国籍喪失）', effect: 'removal' },
  { code: 'ex-officio-removal', label: '職権消除', effect: 'removal' },
  { code: 'cancel-removal', label: '異動の取消し（減）', effect: 'removal' },
  // 修正の事由
  { code: 'relocation', label: '転居', effect: 'change' },
  { code: 'minor-correction', label: '軽微な修正', effect: 'change' },
  { code: 'ex-officio-correction', label: '職権修正', effect: 'change' },
  { code: 'clerical-error-correction', label: '誤記修正', effect: 'change' },
  { code: 'household-split', label: '世帯分離', effect: 'change' },
  { code: 'household-merge', label: '世帯合併', effect: 'change' },
  { code: 'household-change', label: '世帯変更', effect: 'change' },
  { code: 'household-head-change', label: '世帯主変更', effect: 'change' },
  { code: 'former-name-entry', label: '旧氏の記載', effect: 'change' },
  { code: 'alias-name-entry', label: '通称の記載', effect: 'change' },
  { code: 'migration-update', label: '職権修正（データ移行）', effect: 'change' },
  { code: 'cancel-change', label: '異動の取消し（修正）', effect: 'change' },
] as const satisfies readonly MovementReason[];

export type MovementReasonCode = (typeof reasons)[number]['code'];

export const MOVEMENT_REASONS: readonly MovementReason[] = reasons;

const byCode = new Map<string, MovementReason>(reasons.map((r) => [r.code, r]));

export function movementReason(code: string): MovementReason {
  const reason = byCode.get(code);
  if (!reason) throw new RangeError(`unknown movement reason ${code}`);
  return reason;
}
