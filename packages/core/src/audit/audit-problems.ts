export type AuditProblem =
  | 'row-missing'
  | 'prev-hash-mismatch'
  | 'hash-mismatch'
  | 'head-mismatch'
  | 'checkpoint-mismatch'
  | 'checkpoint-signature-invalid'
  | 'checkpoint-key-unknown';

/** Where a chain first goes wrong, and what is wrong there. */
export interface BadPosition {
  readonly seq: number;
  readonly problem: AuditProblem;
  readonly message: string;
}

export function bad(seq: number, problem: AuditProblem, message: string): BadPosition {
  return { seq, problem, message };
}
