import { useId } from 'react';
import { Link } from '../link';
import type { Messages } from '../messages';
import { paths } from '../router';
import { rememberReturnTo } from './return-to';

interface LoginNoticeProps {
  readonly text: Messages;
  readonly title: string;
  readonly body: string;
  /** The page to come back to after the login. */
  readonly returnTo: string;
}

/** Not logged in, or not strongly enough: what is needed and the link to the login. */
export function LoginNotice({ text, title, body, returnTo }: LoginNoticeProps) {
  const headingId = useId();
  return (
    <section className="notice" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p>{body}</p>
      <p>
        <Link className="button-link" to={paths.login} onClick={() => rememberReturnTo(returnTo)}>
          {text.portal.common.loginLink}
        </Link>
      </p>
    </section>
  );
}
