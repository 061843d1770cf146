import { useEffect, useRef, useState } from 'react';

/**
 * A text field's own value that is handed to `commit` once typing pauses for `delay` ms, and that
 * follows `value` when it changes from outside (a cleared filter, a link).
 */
export const useDebouncedText = (value: string, commit: (text: string) => void, delay = 300) => {
  const [text, setText] = useState(value);
  const latest = useRef(commit);
  latest.current = commit;

  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return undefined;
    const timer = setTimeout(() => latest.current(text), delay);
    return () => clearTimeout(timer);
  }, [text, value, delay]);

  return [text, setText] as const;
};
