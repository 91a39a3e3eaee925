interface ToggleButtonProps {
  expanded: boolean;
  controls: string;
  showLabel: string;
  hideLabel: string;
  onToggle(): void;
}

/** Shows or hides a text alternative; its state is read out as expanded or collapsed. */
export const ToggleButton = ({ expanded, controls, showLabel, hideLabel, onToggle }: ToggleButtonProps) => (
  <button
    type="button"
    className="button-small"
    aria-expanded={expanded}
    aria-controls={controls}
    onClick={onToggle}
  >
    {expanded ? hideLabel : showLabel}
  </button>
);
