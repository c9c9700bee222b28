import { type FormEvent, useRef } from 'react';
import { type CardLoginOutcome, type LoginField, loginFields, loginWithDemoCard } from './card-login';
import { FormField } from './form-field';
import { LoginSummary, loginFieldError } from './login-summary';
import type { Messages } from './messages';
import { consumeReturnTo } from './portal/return-to';
import { navigate, paths } from './router';
import { TenantField } from './tenant-field';
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

  const errorOf = (field: LoginField) => loginFieldError(t, problem, field);

  return (
    <form className="login-form" noValidate onSubmit={handleSubmit}>
      <LoginSummary
        text={text}
        messages={t}
        problem={problem}
        fields={loginFields}
        fieldIds={FIELD_IDS}
        focusRef={summaryRef}
      />

      <TenantField
        text={text}
        id={FIELD_IDS.lgCode}
        label={t.tenantLabel}
        error={errorOf('lgCode')}
        tenants={tenants}
        lgCode={lgCode}
        onChange={setLgCode}
        onRetryTenants={onRetryTenants}
      />

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
