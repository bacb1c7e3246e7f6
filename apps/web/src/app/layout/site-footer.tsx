import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useShowOriginal } from '../../lib/content-locale';
import { CONTENT_LOCALE, currentLocale } from '../../lib/i18n';

export function SiteFooter() {
  const { t, i18n } = useTranslation();
  const original = useShowOriginal();
  const translatedInterface = currentLocale(i18n) !== CONTENT_LOCALE;
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        {translatedInterface ? (
          <p className="site-footer__note">{original ? t('a11y.englishContentNote') : t('contentTranslation.footerNote')}</p>
        ) : null}
        <nav aria-label={t('footer.navLabel')}>
          <ul className="inline-list">
            <li>
              <Link to={paths.rules()}>{t('footer.rules')}</Link>
            </li>
            <li>
              <Link to={paths.transparency()}>{t('footer.transparency')}</Link>
            </li>
          </ul>
        </nav>
        <nav aria-label={t('footer.dataNavLabel')}>
          <ul className="inline-list">
            <li>
              <Link to={paths.dashboard()}>{t('footer.dashboard')}</Link>
            </li>
            <li>
              <Link to={paths.openData()}>{t('footer.openData')}</Link>
            </li>
          </ul>
        </nav>
        <p>{t('footer.about')}</p>
        <p>{t('footer.source')}</p>
        <p>{t('footer.licence')}</p>
      </div>
    </footer>
  );
}
