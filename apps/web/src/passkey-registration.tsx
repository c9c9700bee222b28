import { useId, useRef, useState } from 'react';
import type { Messages } from './messages';
import type { PasskeyRegisterErrorKey } from './messages/messages';
import { registerPasskey } from './passkey';

type RegistrationState =
  | { readonly status: 'idle' | 'working' | 'done' }
  | { readonly status: 'failed'; readonly reason: PasskeyRegisterErrorKey; readonly code: string };

/** パスキーを登録: on /me, for a resident logged in at level 2 or more. */
export function PasskeyRegistration({ text }: { readonly text: Messages }) {
  const t = text.passkey;
  const headingId = useId();
  const failedId = useId();
  const [state, setState] = useState<RegistrationState>({ status: 'idle' });
  const inFlight = useRef(false);

  const register = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ status: 'working' });
    try {
      const outcome = await registerPasskey().catch((error: unknown) => {
        console.error(error);
        return { kind: 'refused', reason: 'OTHER', code: 'CLIENT_ERROR' } as const;
      });
      setState(outcome.kind === 'ok' ? { status: 'done' } : { status: 'failed', ...outcome });
    } finally {
      inFlight.current = false;
    }
  };

  return (
    <section className="passkey-registration" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.registerTitle}</h2>
      <p>{t.what}</p>
      <p>{t.registerIntro}</p>
      {/* Polite and always present, so the progress and the success are read out when they appear. */}
      <p className={state.status === 'done' ? 'passkey-registration__done' : 'login-form__status'} role="status">
        {state.status === 'working' ? t.registering : state.status === 'done' ? t.registered : ''}
      </p>
      {state.status === 'failed' && (
        <div className="inline-alert" role="alert" aria-labelledby={failedId}>
          <p id={failedId}>
            <strong>{t.registerFailedTitle}</strong>
          </p>
          <p>{t.registerErrors[state.reason]}</p>
          <p className="error-summary__code">
            {text.login.errorCodeLabel}
            <code>{state.code}</code>
          </p>
        </div>
      )}
      {state.status !== 'done' && (
        <button type="button" className="button" aria-disabled={state.status === 'working'} onClick={register}>
          {t.registerButton}
        </button>
      )}
    </section>
  );
}
