/** The text of the elements a control points to through aria-describedby that have `className`, joined by " | ". */
function describedBy(element: HTMLElement, className: string): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id))
    .filter((node): node is HTMLElement => node?.classList.contains(className) ?? false)
    .map((node) => node.textContent ?? '')
    .join(' | ');
}

/** The error text a field points to, as a screen reader announces it with the field. */
export const describedErrors = (element: HTMLElement): string => describedBy(element, 'field__error');

/** The hint text a field points to. */
export const describedHint = (element: HTMLElement): string => describedBy(element, 'hint');
