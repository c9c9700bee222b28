import { Link } from './link';
import type { Messages } from './messages';
import { paths } from './router';

export function NotFoundPage({ text }: { readonly text: Messages }) {
  return (
    <div className="page">
      <h1 className="page__heading" tabIndex={-1}>
        {text.notFound.title}
      </h1>
      <p>{text.notFound.body}</p>
      <p>
        <Link to={paths.start}>{text.notFound.homeLink}</Link>
      </p>
    </div>
  );
}
