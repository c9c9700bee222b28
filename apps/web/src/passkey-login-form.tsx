import { type FormEvent, useId } from 'react';
import { ErrorSummary } from './error-summary';
import { LoginRefusal } from './login-refusal';
import type { Messages } from './messages';
import type { PasskeyLoginErrorKey } from './messages/messages';
import { loginWithPasskey } from './passkey';
import { consumeReturnTo } from './portal/return-to';
import { navigate, paths } from './router';
import { TenantField } from './tenant-field';
import { useLoginSubmit } from './use-login-submit';
import type { TenantsState } from './use-tenants';

interface PasskeyLoginFormProps {
  readonly text: Messages;
  readonly tenants: TenantsState;
}

const LG_CODE_ID = 'passkey-lg-code';

type Problem =
  | { readonly kind: 'missing-tenant' }
  | { readonly kind: 'refused'; readonly reason: PasskeyLoginErrorKey; readonly code: string };

/** パスキーでログイン: choose the municipality, then the browser asks for the device's screen lock. */
export function PasskeyLoginForm({ text, tenants }: PasskeyLoginFormProps) {
  const t = text.passkey;
  const headingId = useId();
  const { lgCode, setLgCode, problem, setProblem, submitting, summaryRef, report, submit } =
    useLoginSubmit<Problem>(tenants);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!lgCode) {
      report({ kind: 'missing-tenant' });
      return;
    }
    setProblem(null);
    void submit(
      () => loginWithPasskey(lgCode),
      // Back to the page that sent the resident to log in (a procedure, an application), else /me.
      () => navigate(consumeReturnTo() ?? paths.me),
    );
  };

  return (
    <section className="passkey-login" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.loginTitle}</h2>
      <p>{t.what}</p>
      <p>{t.loginIntro}</p>
      <form className="login-form" noValidate onSubmit={handleSubmit}>
        {problem?.kind === 'missing-tenant' && (
          <ErrorSummary
            title={text.login.errorSummaryTitle}
            focusRef={summaryRef}
            items={[{ fieldId: LG_CODE_ID, message: t.tenantMissing }]}
          />
        )}
        {problem?.kind === 'refused' && (
          <LoginRefusal
            text={text}
            title={t.loginFailedTitle}
            message={t.loginErrors[problem.reason]}
            code={problem.code}
            focusRef={summaryRef}
          />
        )}
        <TenantField
          text={text}
          id={LG_CODE_ID}
          label={t.tenantLabel}
          error={problem?.kind === 'missing-tenant' ? t.tenantMissing : undefined}
          tenants={tenants}
          lgCode={lgCode}
          onChange={setLgCode}
        />
        <div className="login-form__actions">
          <button type="submit" className="button button--primary" aria-disabled={submitting}>
            {t.loginButton}
          </button>
          <p className="login-form__status" role="status">
            {submitting ? t.loggingIn : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
