import { type FormEvent, useState } from 'react';
import { FormField } from '../form-field';
import { LoginSummary, loginFieldError } from '../login-summary';
import type { Messages } from '../messages';
import { navigate, paths } from '../router';
import { TenantField } from '../tenant-field';
import { useLoginSubmit } from '../use-login-submit';
import type { TenantsState } from '../use-tenants';
import { loginAsStaff, type StaffLoginField, type StaffLoginOutcome, staffLoginFields } from './staff-login';

interface StaffLoginFormProps {
  readonly text: Messages;
  readonly tenants: TenantsState;
  readonly onRetryTenants: () => void;
}

/** Fixed ids: the error summary links to them with #fragments. */
const FIELD_IDS = {
  lgCode: 'staff-lg-code',
  loginName: 'staff-login-name',
  password: 'staff-password',
  totpCode: 'staff-totp',
} as const;

type Problem = Exclude<StaffLoginOutcome, { kind: 'ok' }>;

/** Municipality, login name, password and the authenticator's one-time code. */
export function StaffLoginForm({ text, tenants, onRetryTenants }: StaffLoginFormProps) {
  const t = text.staff.login;
  const { lgCode, setLgCode, problem, submitting, summaryRef, submit } = useLoginSubmit<Problem>(tenants);
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit(
      async () => {
        const outcome = await loginAsStaff({ lgCode, loginName, password, totpCode });
        // A refused attempt is typed again in full: a one-time code is spent, and the answer never says which part was wrong.
        if (outcome.kind === 'refused') {
          setPassword('');
          setTotpCode('');
        }
        return outcome;
      },
      () => navigate(paths.staffCases),
    );
  };

  const errorOf = (field: StaffLoginField) => loginFieldError(t, problem, field);
  const input = (field: 'loginName' | 'password' | 'totpCode') => ({ id: FIELD_IDS[field], error: errorOf(field) });

  return (
    <form className="login-form staff-login-form" noValidate onSubmit={handleSubmit}>
      <LoginSummary
        text={text}
        messages={t}
        problem={problem}
        fields={staffLoginFields}
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

      <FormField {...input('loginName')} label={t.loginNameLabel} errorPrefix={text.errorPrefix}>
        {(control) => (
          <input
            {...control}
            className="staff-form__input"
            type="text"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={loginName}
            onChange={(event) => setLoginName(event.target.value)}
          />
        )}
      </FormField>

      <FormField {...input('password')} label={t.passwordLabel} errorPrefix={text.errorPrefix}>
        {(control) => (
          <input
            {...control}
            className="staff-form__input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </FormField>

      <FormField {...input('totpCode')} label={t.totpLabel} hint={t.totpHint} errorPrefix={text.errorPrefix}>
        {(control) => (
          <input
            {...control}
            className="staff-form__input staff-form__input--code"
            type="text"
            name="one-time-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            value={totpCode}
            onChange={(event) => setTotpCode(event.target.value)}
          />
        )}
      </FormField>

      <div className="login-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={submitting}>
          {t.submit}
        </button>
        <p className="login-form__status" role="status">
          {submitting ? t.submitting : ''}
        </p>
      </div>
    </form>
  );
}
