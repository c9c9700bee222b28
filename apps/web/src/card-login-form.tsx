import { type FormEvent, useRef } from 'react';
import { type CardLoginOutcome, type LoginFieldErrors, loginFields, loginWithDemoCard } from './card-login';
import { ErrorSummary } from './error-summary';
import { FormField } from './form-field';
import { fill } from './format';
import type { Messages } from './messages';
import { consumeReturnTo } from './portal/return-to';
import { navigate, paths } from './router';
import { useLoginSubmit } from './use-login-submit';
import type { TenantsState } from './use-tenants';

interface CardLoginFormProps {
  readonly text: Messages;
  readonly tenants: TenantsState;
  readonly onRetryTenants: () => void;
}

/** Fixed ids: the error summary links to them with #fragments. */
const FIELD_IDS = { lgCode: 'login-lg-code', certificate: 'login-certificate', key: 'login-key' } as const;

type Problem = Extract<CardLoginOutcome, { kind: 'invalid' } | { kind: 'refused' }>;

/** Choose the municipality and the demo card's two files; the page signs the challenge itself. */
export function CardLoginForm({ text, tenants, onRetryTenants }: CardLoginFormProps) {
  const t = text.login;
  const { lgCode, setLgCode, problem, submitting, summaryRef, submit } = useLoginSubmit<Problem>(tenants);
  const certificateRef = useRef<HTMLInputElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit(
      () =>
        loginWithDemoCard({
          lgCode,
          certificateFile: certificateRef.current?.files?.[0] ?? null,
          keyFile: keyRef.current?.files?.[0] ?? null,
        }),
      // Back to the page that sent the resident to log in (a procedure, an application), else /me.
      () => navigate(consumeReturnTo() ?? paths.me),
    );
  };

  const fieldErrors: LoginFieldErrors = problem?.kind === 'invalid' ? problem.errors : {};
  const errorOf = (field: keyof LoginFieldErrors) => {
    const key = fieldErrors[field];
    return key ? t.fieldErrors[key] : undefined;
  };

  return (
    <form className="login-form" noValidate onSubmit={handleSubmit}>
      {problem?.kind === 'invalid' && (
        <ErrorSummary
          title={t.errorSummaryTitle}
          focusRef={summaryRef}
          items={loginFields.flatMap((field) => {
            const message = errorOf(field);
            return message ? [{ fieldId: FIELD_IDS[field], message }] : [];
          })}
        />
      )}
      {problem?.kind === 'refused' && (
        <ErrorSummary title={t.failedTitle} focusRef={summaryRef}>
          <p className="error-summary__body">{t.apiErrors[problem.reason]}</p>
          <p className="error-summary__code">
            {t.errorCodeLabel}
            <code>{problem.code}</code>
          </p>
        </ErrorSummary>
      )}

      <FormField id={FIELD_IDS.lgCode} label={t.tenantLabel} error={errorOf('lgCode')} errorPrefix={text.errorPrefix}>
        {(control) => (
          <select
            {...control}
            className="form-field__select"
            value={lgCode}
            disabled={tenants.status !== 'loaded'}
            onChange={(event) => setLgCode(event.target.value)}
          >
            <option value="">{tenants.status === 'loading' ? t.tenantsLoading : t.tenantPlaceholder}</option>
            {tenants.status === 'loaded' &&
              tenants.items.map((tenant) => (
                // Municipality names are Japanese proper nouns whatever the page language.
                <option key={tenant.lgCode} value={tenant.lgCode} lang="ja">
                  {fill(t.tenantOption, { name: tenant.name, code: tenant.lgCode })}
                </option>
              ))}
          </select>
        )}
      </FormField>
      {tenants.status === 'error' && (
        <div className="inline-alert" role="alert">
          <p>{text.tenantsError}</p>
          <button type="button" className="button" onClick={onRetryTenants}>
            {text.tenantsRetry}
          </button>
        </div>
      )}

      <FormField
        id={FIELD_IDS.certificate}
        label={t.certificateLabel}
        hint={t.certificateHint}
        error={errorOf('certificate')}
        errorPrefix={text.errorPrefix}
      >
        {(control) => (
          <input
            {...control}
            ref={certificateRef}
            className="form-field__file"
            type="file"
            accept=".pem,.crt,.cer,application/x-pem-file,application/x-x509-ca-cert"
          />
        )}
      </FormField>

      <FormField
        id={FIELD_IDS.key}
        label={t.keyLabel}
        hint={t.keyHint}
        error={errorOf('key')}
        errorPrefix={text.errorPrefix}
      >
        {(control) => (
          <input
            {...control}
            ref={keyRef}
            className="form-field__file"
            type="file"
            accept=".pem,.key,application/x-pem-file"
          />
        )}
      </FormField>

      <div className="login-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={submitting}>
          {t.submit}
        </button>
        {/* Polite: announced when the login takes a moment, without taking focus from the button. */}
        <p className="login-form__status" role="status">
          {submitting ? t.submitting : ''}
        </p>
      </div>
    </form>
  );
}
