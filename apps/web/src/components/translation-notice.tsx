import type { ContentTranslation } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { setShowOriginal, useShowOriginal } from '../lib/content-locale';
import { formatDate } from '../lib/format';
import { CONTENT_LOCALE, currentLocale, isolate } from '../lib/i18n';

/**
 * Above catalogue text in any language but English: says the translation is unofficial and the
 * English authoritative, switches to the original (and back) in one click, and tells who or what
 * translated it, when, and whether anyone has reviewed it.
 */
export function TranslationNotice({ translation }: { translation: ContentTranslation | null | undefined }) {
  const { t, i18n } = useTranslation();
  const original = useShowOriginal();
  const locale = currentLocale(i18n);
  if (locale === CONTENT_LOCALE) return null;
  if (original) {
    return (
      <p className="translation-notice">
        {t('contentTranslation.showingOriginal')}{' '}
        <button type="button" className="link-button" onClick={() => setShowOriginal(false)}>
          {t('contentTranslation.showTranslation')}
        </button>
      </p>
    );
  }
  if (!translation) return null;
  return (
    <div className="translation-notice">
      <p>
        {t('contentTranslation.notice')}{' '}
        <button type="button" className="link-button" onClick={() => setShowOriginal(true)}>
          {t('contentTranslation.showOriginal')}
        </button>
      </p>
      <details>
        <summary>{t('contentTranslation.about')}</summary>
        <dl className="translation-notice__provenance">
          <dt>{t('contentTranslation.translatedBy')}</dt>
          <dd lang={CONTENT_LOCALE} dir="ltr">
            {translation.translator}
          </dd>
          <dt>{t('contentTranslation.translatedOn')}</dt>
          <dd>{isolate(formatDate(translation.translatedAt, locale))}</dd>
          <dt>{t('contentTranslation.review')}</dt>
          <dd>
            {translation.status === 'reviewed'
              ? t('contentTranslation.reviewed', {
                  reviewer: isolate(translation.reviewer ?? '—'),
                  source: isolate(translation.source ?? '—'),
                })
              : t('contentTranslation.unreviewed')}
          </dd>
        </dl>
      </details>
    </div>
  );
}
