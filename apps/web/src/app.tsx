import { messages } from './messages';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { TenantList } from './tenant-list';
import { useLocale } from './use-locale';
import { useTenants } from './use-tenants';

export function App() {
  const [locale, setLocale] = useLocale();
  const tenants = useTenants();
  const text = messages[locale];
  return (
    <>
      <a className="skip-link" href="#main">
        {text.skipLink}
      </a>
      <SiteHeader locale={locale} text={text} onLocaleChange={setLocale} />
      {/* tabIndex -1 lets the skip link move keyboard focus here, not only scroll. */}
      <main id="main" className="main" tabIndex={-1}>
        <div className="intro">
          <h1>{text.heading}</h1>
          <p>{text.intro}</p>
        </div>
        <TenantList text={text} state={tenants.state} onRetry={tenants.reload} />
      </main>
      <SiteFooter text={text} />
    </>
  );
}
