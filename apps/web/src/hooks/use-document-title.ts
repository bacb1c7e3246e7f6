import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `<title>` to "<page> · Compact Voices" in the UI language; `null` leaves it as it is (still loading). */
export function useDocumentTitle(page: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (page === null) return;
    // Bidi isolates (lib/i18n isolate()) help inside the page but show up as boxes in some tab strips.
    document.title = t('app.documentTitle', { page }).replace(/[\u2066-\u2069]/g, '');
  }, [page, t]);
}
