import { useEffect, useRef } from 'react';
import { Link } from './link';
import type { Messages } from './messages';
import { paths } from './router';
import type { SignedOutReason } from './use-my-record';

interface SignedOutNoticeProps {
  readonly text: Messages;
  readonly reason: SignedOutReason;
}

/** Not (or no longer) logged in: says why and links to the login. */
export function SignedOutNotice({ text, reason }: SignedOutNoticeProps) {
  const ref = useRef<HTMLDivElement>(null);
  // After "log out" the button is gone; focus moves here rather than being lost to the page body.
  useEffect(() => {
    if (reason === 'logged-out') ref.current?.focus();
  }, [reason]);
  const message = {
    'not-logged-in': text.me.signedOut,
    expired: text.me.sessionExpired,
    'logged-out': text.me.loggedOut,
  }[reason];
  return (
    <div className="notice" ref={ref} tabIndex={-1} data-reason={reason}>
      <p>{message}</p>
      <p>
        <Link className="button-link" to={paths.login}>
          {text.me.loginLink}
        </Link>
      </p>
    </div>
  );
}
