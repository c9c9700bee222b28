import type { Messages } from '../messages';

/** Loading failed for no reason the page can name: say so, and offer to try again. */
export function LoadError({
  text,
  message,
  onRetry,
}: {
  readonly text: Messages;
  readonly message: string;
  readonly onRetry: () => void;
}) {
  return (
    <div className="inline-alert" role="alert">
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        {text.staff.common.retry}
      </button>
    </div>
  );
}
