import { useEffect, useRef } from 'react';

/** Keys typed into a field, or pressed while a dialog is open, belong to them. */
export const belongsElsewhere = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"], [role="alertdialog"]') !== null);

/** Single-key shortcuts of a screen (no modifier); a key without a handler, or with `undefined`, does nothing. */
export const useShortcuts = (handlers: Record<string, (() => void) | undefined>) => {
  // The latest handlers, without re-registering the listener on every render.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (belongsElsewhere(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      // A focused button or link keeps its own Enter.
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('button, a')) return;
      const handler = latest.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
};
