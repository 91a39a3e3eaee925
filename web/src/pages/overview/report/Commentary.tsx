/**
 * A commentary field: a textarea on screen, the text itself on paper (a textarea prints cut to its box),
 * or ruled space to write on by hand when nothing was written (kept on one page with its label).
 */
export const Commentary = ({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
}) => (
  <div className={value ? 'report-commentary' : 'report-commentary report-commentary--empty'}>
    <label htmlFor={`comment-${id}`}>{label}</label>
    <textarea
      id={`comment-${id}`}
      rows={3}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
    <p className="report-commentary__print">{value}</p>
  </div>
);
