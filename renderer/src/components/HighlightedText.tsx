/** A search snippet: hits in <mark>, everything rendered as text (never as HTML), because
 *  snippets come from document text and file names, which are data. */
export function HighlightedText({ parts }: { parts: { text: string; hit: boolean }[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
