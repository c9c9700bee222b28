import { Link } from './link';
import type { Messages } from './messages';
import { paths } from './router';
import { TenantList } from './tenant-list';
import { useTenants } from './use-tenants';

export function StartPage({ text }: { readonly text: Messages }) {
  const tenants = useTenants();
  return (
    <>
      <div className="intro">
        <h1 tabIndex={-1}>{text.heading}</h1>
        <p>{text.intro}</p>
        <p className="intro__action">
          <Link className="button-link" to={paths.login}>
            {text.startLoginLink}
          </Link>
        </p>
      </div>
      <TenantList text={text} state={tenants.state} onRetry={tenants.reload} />
    </>
  );
}
