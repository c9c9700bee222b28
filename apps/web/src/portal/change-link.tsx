import { fill } from '../format';
import { Link } from '../link';
import type { Messages } from '../messages';

/** 「変更」, with what is changed said to screen readers (every link on the page would read the same). */
export function ChangeLink({
  text,
  to,
  label,
}: {
  readonly text: Messages;
  readonly to: string;
  readonly label: string;
}) {
  const t = text.portal.check;
  return (
    <Link to={to}>
      {t.change}
      <span className="visually-hidden">{fill(t.changeHidden, { label })}</span>
    </Link>
  );
}
