import { CardLoginForm } from './card-login-form';
import { DemoCardNotice } from './demo-card-notice';
import type { Messages } from './messages';
import { PasskeyLoginForm } from './passkey-login-form';
import { useTenants } from './use-tenants';

export function LoginPage({ text }: { readonly text: Messages }) {
  const tenants = useTenants();
  return (
    <div className="page page--narrow">
      <h1 className="page__heading" tabIndex={-1}>
        {text.login.title}
      </h1>
      <p className="page__lead">{text.login.intro}</p>
      <DemoCardNotice text={text} />
      <CardLoginForm text={text} tenants={tenants.state} onRetryTenants={tenants.reload} />
      <PasskeyLoginForm text={text} tenants={tenants.state} />
    </div>
  );
}
