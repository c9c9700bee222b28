import type { Messages } from '../messages';

/** Something could not be loaded: say so, and offer to try again. */
export function RetryAlert({
  text,
  onRetry,
  message,
}: {
  readonly text: Messages;
  readonly onRetry: () => void;
  readonly message?: string;
}) {
  return (
    <div className="inline-alert" role="alert">
      <p>{message ?? text.portal.common.loadError}</p>
      <button type="button" className="button" onClick={onRetry}>
        {text.portal.common.retry}
      </button>
    </div>
  );
}
