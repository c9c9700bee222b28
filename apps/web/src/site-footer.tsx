import type { Messages } from './messages';

export function SiteFooter({ text }: { readonly text: Messages }) {
  return (
    <footer className="site-footer">
      <nav className="site-footer__inner" aria-label={text.footerNavLabel}>
        <ul className="site-footer__links">
          <li>
            <a href="/docs">{text.apiDocs}</a>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
