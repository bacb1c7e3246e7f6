import { REACTION_KINDS, type Comment, type ReactionKind } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useReactToComment } from '../api/react-to-comment';

interface ReactionButtonsProps {
  comment: Comment;
  /** Signed in, verified and the round open: toggle buttons. Otherwise the counts as text. */
  canReact: boolean;
  /** Id of the element naming the comment (its author line). */
  describedBy: string;
}

/** Agree / disagree as toggle buttons (aria-pressed) with their counts; pressing the pressed one clears it. */
export function ReactionButtons({ comment, canReact, describedBy }: ReactionButtonsProps) {
  const { t } = useTranslation();
  const react = useReactToComment();
  const { reactions } = comment;
  const label = (kind: ReactionKind) => (kind === 'agree' ? t('comment.agree') : t('comment.disagree'));

  if (!canReact) {
    return (
      <p className="comment__reactions meta">
        {t('comment.agreeCount', { count: reactions.agree })}
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        {t('comment.disagreeCount', { count: reactions.disagree })}
      </p>
    );
  }

  const press = (kind: ReactionKind) => {
    if (react.isPending) return;
    react.mutate({ comment, kind: reactions.mine === kind ? null : kind });
  };

  return (
    <div className="comment__reactions">
      {REACTION_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="button button--secondary button--small reaction"
          aria-pressed={reactions.mine === kind}
          aria-describedby={describedBy}
          aria-disabled={react.isPending || undefined}
          onClick={() => press(kind)}
        >
          {label(kind)} <span className="reaction__count">{reactions[kind]}</span>
        </button>
      ))}
      {react.isError ? <ErrorAlert error={react.error} /> : null}
    </div>
  );
}
