// The component library: small, accessible wrappers over native elements, styled by
// components.css. Screens use these rather than raw elements for anything interactive.
export { Alert } from './Alert';
export { Badge, type BadgeTone } from './Badge';
export { Button } from './Button';
export { Field } from './Field';
export { PageHeader } from './PageHeader';
export { Panel } from './Panel';
export { ProgressBar } from './ProgressBar';
export { AccessBadge, StatusBadge, OcrBadge } from './StatusBadges';
export { HighlightedText } from './HighlightedText';
