import { Link } from '../link';

interface TextWithLinkProps {
  /** A sentence with `{link}` where the link goes, so each language places it where it reads well. */
  readonly template: string;
  readonly to: string;
  readonly linkText: string;
}

/** A sentence with a link inside it. */
export function TextWithLink({ template, to, linkText }: TextWithLinkProps) {
  const [before = '', after = ''] = template.split('{link}');
  return (
    <>
      {before}
      <Link to={to}>{linkText}</Link>
      {after}
    </>
  );
}
