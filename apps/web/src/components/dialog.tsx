import { useEffect, useId, useRef, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  /** The dialog's heading (its accessible name). */
  title: ReactNode;
  /** Escape, the close button, or the owner deciding it is done. */
  onClose: () => void;
  children: ReactNode;
  /** Said under the heading (the dialog's accessible description). */
  description?: ReactNode;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog>: `showModal()` makes the rest of the page inert (so focus
 * stays inside) and Escape closes it. Mounted while open; when it goes, focus returns to whatever
 * opened it (the button pressed). Where showModal is missing (old browsers, jsdom) it opens as a
 * plain dialog and focuses its first control itself.
 */
export function Dialog({ title, onClose, children, description }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
      dialog.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      else dialog.removeAttribute('open');
      opener?.focus();
    };
  }, []);

  // Escape: let the owner decide (it unmounts us), rather than the browser closing the element under React.
  const handleCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onCloseRef.current();
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={handleCancel}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--secondary button--small dialog__close" onClick={() => onCloseRef.current()}>
          {t('dialog.close')}
        </button>
      </div>
      {description ? (
        <p id={descriptionId} className="dialog__description">
          {description}
        </p>
      ) : null}
      {children}
    </dialog>
  );
}
