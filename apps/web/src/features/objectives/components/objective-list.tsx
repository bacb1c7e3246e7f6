import type { ObjectiveSummary } from '@compact-voices/contracts';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { useContentLangOf } from '../../../lib/use-content-lang';

interface ObjectiveListProps {
  objectives: readonly ObjectiveSummary[];
}

/** The GCM objectives as links, each with its official number. */
export function ObjectiveList({ objectives }: ObjectiveListProps) {
  const langOf = useContentLangOf();
  return (
    <ol className="objective-list">
      {objectives.map((objective) => (
        <li key={objective.number}>
          <Link to={paths.objective(objective.number)} className="objective-list__link">
            <span className="objective-list__number">{objective.number}</span>
            <span className="visually-hidden">. </span>
            <span {...langOf(objective.language)}>{objective.title}</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
