import type { CourseStatus, RagStatus } from '../../../../src/model/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { programmeMessages } from './messages.js';

// A shape as well as a colour, so that the status reads without seeing colour. The mark is joined to the
// first word by a no-break space, so that where the words may wrap (the portfolio) it never stands alone.
const courseMarks: Record<CourseStatus, string> = {
  onCourse: '●',
  uncertain: '◐',
  offCourse: '○',
  unknown: '–',
};
const ragMarks: Record<RagStatus, string> = { green: '●', amber: '▲', red: '■' };

export const CourseBadge = ({ status }: { status: CourseStatus }) => {
  const text = usePageMessages(programmeMessages);
  return (
    <span className={`course course--${status}`}>
      <span aria-hidden="true">{courseMarks[status]}</span>
      {'\u00a0'}
      {text.course[status]}
    </span>
  );
};

export const RagBadge = ({ status }: { status: RagStatus }) => {
  const text = usePageMessages(programmeMessages);
  return (
    <span className={`rag rag--${status}`}>
      <span aria-hidden="true">{ragMarks[status]}</span>
      {'\u00a0'}
      {text.rag[status]}
    </span>
  );
};
