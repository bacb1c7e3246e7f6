import type { Organisation } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useVerifyOrganisation } from '../api/verify-organisation';

interface VerifyOrganisationButtonProps {
  organisation: Organisation;
  /** Id of the element naming the organisation, when the button sits in a list. */
  describedBy?: string;
  onVerified?: (organisation: Organisation) => void;
}

/** Site admins: mark an organisation as verified by the secretariat. */
export function VerifyOrganisationButton({ organisation, describedBy, onVerified }: VerifyOrganisationButtonProps) {
  const { t } = useTranslation();
  const verify = useVerifyOrganisation();
  return (
    <>
      <button
        type="button"
        className="button"
        aria-describedby={describedBy}
        aria-disabled={verify.isPending || undefined}
        onClick={() => {
          if (!verify.isPending) verify.mutate(organisation.id, { onSuccess: onVerified });
        }}
      >
        {verify.isPending ? t('organisations.verifying') : t('organisations.verify')}
      </button>
      {verify.isError ? <ErrorAlert error={verify.error} /> : null}
    </>
  );
}
