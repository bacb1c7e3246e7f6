import type { ReactNode } from 'react';

/**
 * A polite live region for the outcome of an action ("Saved."). Keep it rendered, with empty
 * content when there is nothing to say, so screen readers announce each change of its text.
 */
export function StatusMessage({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <p role="status" className={className ? `status-message ${className}` : 'status-message'}>
      {children}
    </p>
  );
}
