import type { Messages } from '../messages';
import { isApplicationStatus } from '../procedures/application-view';

/**
 * Where an application stands, as a tag. Its colour only repeats the words (never the sole cue);
 * the status is a data attribute too, for styles and tests.
 */
export function StatusTag({ text, status }: { readonly text: Messages; readonly status: string }) {
  const known = isApplicationStatus(status);
  return (
    <strong
      className={`portal-tag portal-tag--${known ? status : 'unknown'}`}
      data-testid="application-status"
      data-status={status}
    >
      {known ? text.portal.statuses[status] : status}
    </strong>
  );
}
