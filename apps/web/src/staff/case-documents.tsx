import { useId } from 'react';
import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { ApplicationDetail } from '../procedures/application-view';
import { isDecided } from './case-progress';
import { caseDocumentUrl } from './cases-api';

/** A file size as people read it: 「120 KB」, 「1.4 MB」. */
function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * 書類: the copy of the submission, the attachments, and the decision notice once decided. Plain
 * links: the session cookie goes along, and the server sends each file as a download.
 */
export function CaseDocuments({
  text,
  locale,
  detail,
}: {
  readonly text: Messages;
  readonly locale: Locale;
  readonly detail: ApplicationDetail;
}) {
  const t = text.staff.case;
  const headingId = useId();
  const { application, definition, documents } = detail;
  const attachments = documents.filter((d) => d.kind === 'attachment');
  const labelOf = (attachmentId: string | null) =>
    definition.attachments.find((a) => a.id === attachmentId)?.label[locale] ?? attachmentId ?? '';
  return (
    <section className="case-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.documentsHeading}</h2>
      <ul className="document-list">
        {application.submittedAt && (
          <li>
            <a href={caseDocumentUrl(application.applicationId, 'submission-copy')}>{t.submissionCopy}</a>
          </li>
        )}
        {attachments.map((doc) => (
          <li key={doc.documentId}>
            <a href={caseDocumentUrl(application.applicationId, doc.documentId)}>
              {fill(t.attachment, {
                label: labelOf(doc.attachmentId),
                file: doc.fileName,
                size: sizeText(doc.byteSize),
              })}
            </a>
          </li>
        ))}
        {isDecided(application.status) && (
          <li>
            <a href={caseDocumentUrl(application.applicationId, 'decision-notice')}>{t.decisionNotice}</a>
          </li>
        )}
      </ul>
      {attachments.length === 0 && <p className="case-section__note">{t.noAttachments}</p>}
    </section>
  );
}
