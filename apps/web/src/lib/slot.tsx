import { Fragment, type ReactNode } from 'react';

/** A placeholder no translation contains: where a link goes inside a translated sentence. */
export const SLOT = '\u0000slot\u0000';

/**
 * A translated sentence with one element inside it ("Removed under rule <link>R3</link> on …"),
 * without HTML in the locale files: translate with `{{x}}` set to SLOT, then put `node` there.
 */
export function fillSlot(text: string, node: ReactNode): ReactNode {
  const parts = text.split(SLOT);
  if (parts.length === 1) return text;
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? node : null}
      {part}
    </Fragment>
  ));
}
