import { useId } from 'react';
import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { ApplicationDetail } from '../procedures/application-view';
import { documentUrl } from './applications-api';
import { localized } from './localized';

/** The PDF copy of the submission, the decision notice once given, and the files attached. */
export function ApplicationDocuments({
  text,
  locale,
  detail,
}: {
  readonly text: Messages;
  readonly locale: Locale;
  readonly detail: ApplicationDetail;
}) {
  const t = text.portal.status;
  const headingId = useId();
  const { application, definition, documents } = detail;
  const id = application.applicationId;
  const decided = application.status === 'approved' || application.status === 'rejected';
  const attachmentName = (attachmentId: string | null) => {
    const attachment = definition.attachments.find((a) => a.id === attachmentId);
    return attachment ? localized(attachment.label, locale) : t.attachmentUnknown;
  };
  const attached = documents.filter((d) => d.kind === 'attachment');
  const none = !application.receiptNo && !decided && attached.length === 0;
  return (
    <section className="application-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.documentsHeading}</h2>
      {none ? (
        <p className="page__message">{t.noDocuments}</p>
      ) : (
        <ul className="link-list">
          {application.receiptNo && (
            <li>
              <a href={documentUrl(id, 'submission-copy')}>{t.submissionCopy}</a>
            </li>
          )}
          {decided && (
            <li>
              <a href={documentUrl(id, 'decision-notice')}>{t.decisionNotice}</a>
            </li>
          )}
          {attached.map((document) => (
            <li key={document.documentId}>
              <a href={documentUrl(id, document.documentId)}>
                {fill(t.attachmentLink, { label: attachmentName(document.attachmentId), file: document.fileName })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
