import { type ReactNode, type RefObject, useId } from 'react';

export interface ErrorSummaryItem {
  /** The id of the field the message is about; the link moves focus there. */
  readonly fieldId: string;
  readonly message: string;
}

interface ErrorSummaryProps {
  readonly title: string;
  /** Links to the fields with a problem (GOV.UK error summary). */
  readonly items?: readonly ErrorSummaryItem[];
  /** Or a message that belongs to no field (the server refused the login). */
  readonly children?: ReactNode;
  /** The caller focuses the summary when it appears, so it is read out and the next Tab starts here. */
  readonly focusRef?: RefObject<HTMLDivElement | null>;
}

/** Focuses the field and scrolls its label into view too, which a plain #fragment jump does not. */
function focusField(fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (!field) return;
  const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
  (label ?? field).scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}

/** The list of problems at the top of a form, in an alert region. */
export function ErrorSummary({ title, items = [], children, focusRef }: ErrorSummaryProps) {
  const titleId = useId();
  return (
    <div className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={focusRef}>
      <h2 id={titleId} className="error-summary__title">
        {title}
      </h2>
      {items.length > 0 && (
        <ul className="error-summary__list">
          {items.map((item) => (
            <li key={item.fieldId}>
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(item.fieldId);
                }}
              >
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
