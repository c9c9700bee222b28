import { useId } from 'react';
import type { Messages } from './messages';
import type { TenantsState } from './use-tenants';

interface TenantListProps {
  readonly text: Messages;
  readonly state: TenantsState;
  readonly onRetry: () => void;
}

/** The municipalities served, with a polite loading message and an alert when loading fails. */
export function TenantList({ text, state, onRetry }: TenantListProps) {
  const headingId = useId();
  return (
    <section className="tenants" aria-labelledby={headingId}>
      <h2 id={headingId}>{text.tenantsHeading}</h2>
      <TenantListBody text={text} state={state} onRetry={onRetry} />
    </section>
  );
}

function TenantListBody({ text, state, onRetry }: TenantListProps) {
  switch (state.status) {
    case 'loading':
      // role="status" is a polite live region: announced without interrupting the reader.
      return (
        <p className="tenants__message" role="status">
          {text.tenantsLoading}
        </p>
      );
    case 'error':
      return (
        <div className="tenants__error" role="alert">
          <p>{text.tenantsError}</p>
          <button type="button" className="button" onClick={onRetry}>
            {text.tenantsRetry}
          </button>
        </div>
      );
    case 'loaded':
      if (state.items.length === 0) return <p className="tenants__message">{text.tenantsEmpty}</p>;
      return (
        <ul className="tenants__list">
          {state.items.map((tenant) => (
            <li key={tenant.lgCode} className="tenants__item">
              {/* Municipality names are proper nouns in Japanese whatever the page language. */}
              <span className="tenants__name" lang="ja">
                {tenant.name}
              </span>
              <span className="tenants__code">
                {text.lgCodeLabel} <span className="tenants__code-value">{tenant.lgCode}</span>
              </span>
            </li>
          ))}
        </ul>
      );
  }
}
