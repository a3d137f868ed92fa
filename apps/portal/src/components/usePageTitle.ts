import { useEffect } from 'react';
import { fr } from '../i18n/fr';

/** Each page has its own document title (RGAA 8.6): what a screen reader announces and the tab shows. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = fr.pageTitle(title);
  }, [title]);
}
