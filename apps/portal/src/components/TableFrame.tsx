import type { ReactNode } from 'react';

/**
 * A DSFR table: its four wrapping blocks, the table and its caption; `children` are the head and body.
 * `hiddenCaption` keeps the caption for screen readers only (the page's heading already says it);
 * `scrollable` makes the container focusable, so a keyboard can scroll a wide table (RGAA 7.3).
 */
export function TableFrame({
  caption,
  hiddenCaption = false,
  scrollable = false,
  children,
}: {
  caption: ReactNode;
  hiddenCaption?: boolean;
  scrollable?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={hiddenCaption ? 'fr-table fr-table--no-caption' : 'fr-table fr-table--bordered'}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" {...(scrollable ? { tabIndex: 0 } : {})}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
