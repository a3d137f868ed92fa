import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from './auth/RequireRole';
import type { Role } from './auth/session';
import { Layout } from './layout/Layout';
import HomePage from './pages/HomePage';

// Route-level code splitting: a page's code loads when it is first visited (initial JS ≤ 250 kB gzip).
const CallbackPage = lazy(() => import('./pages/CallbackPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const AccessibilityPage = lazy(() => import('./pages/AccessibilityPage'));

/** A route only `role` may see; everyone else gets the French "not allowed" page. */
export function guarded(role: Role, path: string, Page: React.ComponentType): RouteObject {
  return {
    path,
    element: (
      <RequireRole role={role}>
        <Page />
      </RequireRole>
    ),
  };
}

/**
 * Real URLs, in French, one per page: deep links and the back button work. The standalone server
 * answers index.html for any of them (see apps/standalone/src/portal.ts).
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'connexion/retour', element: <CallbackPage /> },
      { path: 'accessibilite', element: <AccessibilityPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
