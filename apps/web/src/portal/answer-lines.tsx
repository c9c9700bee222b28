/** Keys for lines that may repeat (two members can share a name): the line and its occurrence. */
function keyed(lines: readonly string[]): { line: string; key: string }[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const count = (seen.get(line) ?? 0) + 1;
    seen.set(line, count);
    return { line, key: `${count}:${line}` };
  });
}

/** An answer's lines: one line as text, several as a list, none as 「未回答」. */
export function AnswerLines({ lines, empty }: { readonly lines: readonly string[]; readonly empty: string }) {
  if (lines.length === 0) return <span className="answer-lines__empty">{empty}</span>;
  if (lines.length === 1) return <span className="answer-lines__text">{lines[0]}</span>;
  return (
    <ul className="answer-lines">
      {keyed(lines).map(({ line, key }) => (
        <li key={key}>{line}</li>
      ))}
    </ul>
  );
}
