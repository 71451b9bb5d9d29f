import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms`: a short pause between keystrokes sends one
 *  query instead of one per letter. */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
