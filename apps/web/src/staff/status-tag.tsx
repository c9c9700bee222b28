import type { Messages } from '../messages';

/** Which look a status gets; the words say the status, the look only helps to scan a list. */
function toneOf(status: string): string {
  switch (status) {
    case 'submitted':
      return 'new';
    case 'in-review':
      return 'review';
    case 'information-requested':
      return 'waiting';
    case 'approved':
      return 'approved';
    case 'rejected':
      return 'rejected';
    default:
      return 'closed';
  }
}

interface StatusTagProps {
  readonly text: Messages;
  readonly status: string;
  readonly testId?: string;
}

/** An application's status in words (新規受付, 審査中, …); an unknown status shows its code. */
export function StatusTag({ text, status, testId }: StatusTagProps) {
  return (
    <strong className={`status-tag status-tag--${toneOf(status)}`} data-status={status} data-testid={testId}>
      {text.staff.common.statuses[status] ?? status}
    </strong>
  );
}

/** 期限超過: said in words beside the date, not by colour alone. */
export function OverdueTag({ text }: { readonly text: Messages }) {
  return <strong className="overdue-tag">{text.staff.common.overdue}</strong>;
}
