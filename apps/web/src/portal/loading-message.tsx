/** Announced politely by screen readers while a page waits for the server. */
export function LoadingMessage({ children }: { readonly children: string }) {
  return (
    <p className="page__message" role="status">
      {children}
    </p>
  );
}
