import { useId, type ReactNode } from 'react';

/** A titled region of a screen; the heading names it for screen readers. */
export function Panel({
  title,
  level = 2,
  actions,
  children,
  className,
}: {
  title: ReactNode;
  level?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={['panel', className ?? ''].join(' ').trim()} aria-labelledby={id}>
      <header className="panel-header">
        <Heading id={id} className="panel-title">
          {title}
        </Heading>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
