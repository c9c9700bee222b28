import { useId } from 'react';
import type { Messages } from './messages';

/** Says plainly, before anything else on the login page, that this card is a demo stand-in. */
export function DemoCardNotice({ text }: { readonly text: Messages }) {
  const titleId = useId();
  return (
    <section className="demo-notice" aria-labelledby={titleId}>
      <h2 id={titleId} className="demo-notice__title">
        {text.login.demoTitle}
      </h2>
      <p>{text.login.demoBody}</p>
      <p>{text.login.demoKeyStaysHere}</p>
    </section>
  );
}
