import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import type { ApplicationDetail } from '../procedures/application-view';
import { AdditionalFiles } from './additional-files';
import { ApplicationDates } from './application-dates';
import { ApplicationDocuments } from './application-documents';
import { ApplicationTimeline } from './application-timeline';
import { DecisionSummary } from './decision-summary';
import { visibleAttachments } from './form-steps';
import { InformationRequest } from './information-request';
import { ReplyForm } from './reply-form';
import { continuePath } from './resume-step';
import { StatusTag } from './status-tag';
import { WithdrawSection } from './withdraw-section';

interface ApplicationStatusBodyProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly detail: ApplicationDetail;
  readonly onChanged: (message: string) => void;
}

const OPEN = ['submitted', 'in-review', 'information-requested'];

/** Where an application stands and what the resident can do about it now. */
export function ApplicationStatusBody({ text, locale, detail, onChanged }: ApplicationStatusBodyProps) {
  const t = text.portal.status;
  const { application, definition, events } = detail;
  const status = application.status;
  const department =
    (text.portal.departments as Readonly<Record<string, string>>)[definition.department] ?? definition.department;
  const open = OPEN.includes(status);
  const attachments = visibleAttachments(definition, application.answers);
  return (
    <>
      <div className="application-overview">
        <p className="application-overview__status">
          <span className="application-overview__label">{t.statusLabel}</span>
          <StatusTag text={text} status={status} />
        </p>
        <ApplicationDates text={text} locale={locale} {...application} markReceipt />
      </div>
      {status === 'draft' && (
        <div className="notice">
          <p>{t.draftNotice}</p>
          <p>
            <Link className="button-link" to={continuePath(application.applicationId)}>
              {t.continueDraft}
            </Link>
          </p>
        </div>
      )}
      {status === 'information-requested' && <InformationRequest text={text} events={events} />}
      {(status === 'approved' || status === 'rejected') && <DecisionSummary text={text} detail={detail} />}
      {status !== 'draft' && (
        <ApplicationTimeline text={text} locale={locale} events={events} department={department} />
      )}
      <ApplicationDocuments text={text} locale={locale} detail={detail} />
      {status === 'information-requested' && attachments.length > 0 && (
        <AdditionalFiles
          text={text}
          locale={locale}
          applicationId={application.applicationId}
          attachments={attachments}
          onUploaded={() => onChanged('')}
        />
      )}
      {open && (
        <ReplyForm
          text={text}
          applicationId={application.applicationId}
          requested={status === 'information-requested'}
          onSent={() => onChanged('')}
        />
      )}
      {(open || status === 'draft') && (
        <WithdrawSection
          text={text}
          applicationId={application.applicationId}
          draft={status === 'draft'}
          onWithdrawn={() => onChanged(status === 'draft' ? t.discarded : t.withdrawn)}
        />
      )}
    </>
  );
}
