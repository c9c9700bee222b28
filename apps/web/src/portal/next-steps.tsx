import { useId } from 'react';
import { fill } from '../format';
import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import type { Application } from '../procedures/application-view';
import { paths } from '../router';
import { documentUrl } from './applications-api';
import { formatDate } from './format-date';

interface NextStepsProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly application: Application;
}

/** What happens after the submission, the copy to keep, and where to follow the application. */
export function NextSteps({ text, locale, application }: NextStepsProps) {
  const t = text.portal.done;
  const headingId = useId();
  const id = application.applicationId;
  return (
    <>
      <section className="next-steps" aria-labelledby={headingId}>
        <h2 id={headingId}>{t.nextHeading}</h2>
        <p>{application.dueOn ? fill(t.nextWithDate, { date: formatDate(application.dueOn, locale) }) : t.next}</p>
        <p>{t.followUp}</p>
        <p>{t.keepReceipt}</p>
      </section>
      <ul className="link-list">
        <li>
          {/* A file download, not a page of the app: a plain link. */}
          <a href={documentUrl(id, 'submission-copy')}>{t.copyLink}</a>
        </li>
        <li>
          <Link to={paths.application(id)}>{t.statusLink}</Link>
        </li>
        <li>
          <Link to={paths.procedures}>{t.proceduresLink}</Link>
        </li>
      </ul>
    </>
  );
}
