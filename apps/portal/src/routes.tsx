import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from './auth/RequireRole';
import { ROLES, type Role } from './auth/session';
import { Layout } from './layout/Layout';
import HomePage from './pages/HomePage';

// Route-level code splitting: a page's code loads when it is first visited (initial JS ≤ 250 kB gzip).
const CallbackPage = lazy(() => import('./pages/CallbackPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage'));
const NotificationPreferencesPage = lazy(() => import('./pages/notifications/NotificationPreferencesPage'));
const AccessibilityPage = lazy(() => import('./pages/AccessibilityPage'));
const CataloguePage = lazy(() => import('./pages/teacher/CataloguePage'));
const CoursePage = lazy(() => import('./pages/teacher/CoursePage'));
const MyCoursesPage = lazy(() => import('./pages/teacher/MyCoursesPage'));
const MyCoursePage = lazy(() => import('./pages/teacher/MyCoursePage'));
const FeedbackFormPage = lazy(() => import('./pages/teacher/FeedbackFormPage'));
const LeavePage = lazy(() => import('./pages/teacher/LeavePage'));
const MyFeedbackPage = lazy(() => import('./pages/teacher/MyFeedbackPage'));
const MessagesPage = lazy(() => import('./pages/shared/MessagesPage'));
const WriteMessagePage = lazy(() => import('./pages/shared/WriteMessagePage'));
const DistrictOverviewPage = lazy(() => import('./pages/inspector/DistrictOverviewPage'));
const ChsctTrendsPage = lazy(() => import('./pages/statistics/ChsctTrendsPage'));
const MinistryStatsPage = lazy(() => import('./pages/statistics/MinistryStatsPage'));
const MethodPage = lazy(() => import('./pages/statistics/MethodPage'));
const PersonalDataPage = lazy(() => import('./pages/public/PersonalDataPage'));
const MyDataPage = lazy(() => import('./pages/account/MyDataPage'));
const LegalNoticePage = lazy(() => import('./pages/public/LegalNoticePage'));
const NotRecordedPage = lazy(() => import('./pages/public/NotRecordedPage'));
const VerifyAttestationPage = lazy(() => import('./pages/public/VerifyAttestationPage'));
const TrainerCoursesPage = lazy(() => import('./pages/trainer/TrainerCoursesPage'));
const TrainerCoursePage = lazy(() => import('./pages/trainer/TrainerCoursePage'));
const ActivityEditorPage = lazy(() => import('./pages/trainer/ActivityEditorPage'));
const FeedbackInboxPage = lazy(() => import('./pages/trainer/FeedbackInboxPage'));
const ManagerCoursesPage = lazy(() => import('./pages/manager/ManagerCoursesPage'));
const CreateCoursePage = lazy(() => import('./pages/manager/CreateCoursePage'));
const EditCoursePage = lazy(() => import('./pages/manager/EditCoursePage'));
const ErasuresPage = lazy(() => import('./pages/ops/ErasuresPage'));

/** A route only `role` may see; everyone else gets the French "not allowed" page. */
export function guarded(role: Role | readonly Role[], path: string, Page: React.ComponentType): RouteObject {
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
 * answers index.html for any of them (see libs/host/src/portal).
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'connexion/retour', element: <CallbackPage /> },
      { path: 'accessibilite', element: <AccessibilityPage /> },
      { path: 'donnees-personnelles', element: <PersonalDataPage /> },
      { path: 'mentions-legales', element: <LegalNoticePage /> },
      { path: 'ce-que-relais-n-enregistre-pas', element: <NotRecordedPage /> },
      // Public: the address printed on each attestation of training (ADR 0031).
      { path: 'verifier/:code', element: <VerifyAttestationPage /> },
      // The inspector, the CHSCT and the ministry (issue 17).
      guarded('inspector', 'circonscription', DistrictOverviewPage),
      guarded('chsct', 'chsct/tendances', ChsctTrendsPage),
      guarded('ministry', 'ministere/statistiques', MinistryStatsPage),
      guarded(['chsct', 'ministry'], 'statistiques/methode', MethodPage),
      // Teachers (issue 16, point 3).
      guarded('teacher', 'catalogue', CataloguePage),
      guarded('teacher', 'catalogue/:courseId', CoursePage),
      guarded('teacher', 'mes-parcours', MyCoursesPage),
      guarded('teacher', 'mes-parcours/:courseId', MyCoursePage),
      guarded('teacher', 'mes-parcours/:courseId/retour', FeedbackFormPage),
      guarded('teacher', 'mes-parcours/:courseId/quitter', LeavePage),
      guarded('teacher', 'mes-retours', MyFeedbackPage),
      // Trainers (issue 16, point 4).
      guarded('trainer', 'formateur', TrainerCoursesPage),
      guarded('trainer', 'formateur/parcours/:courseId', TrainerCoursePage),
      guarded('trainer', 'formateur/parcours/:courseId/activites', ActivityEditorPage),
      guarded('trainer', 'formateur/parcours/:courseId/retours', FeedbackInboxPage),
      // Training managers (issue 16, point 5).
      guarded('training-manager', 'gestion', ManagerCoursesPage),
      guarded('training-manager', 'gestion/nouveau', CreateCoursePage),
      guarded('training-manager', 'gestion/parcours/:courseId', EditCoursePage),
      // Administrators: erasure of a person everywhere (issue 19, ADR 0033).
      guarded('ops', 'exploitation/effacements', ErasuresPage),
      // Teachers and trainers.
      guarded(['teacher', 'trainer'], 'messages', MessagesPage),
      guarded(['teacher', 'trainer'], 'messages/ecrire/:courseId/:userId', WriteMessagePage),
      // Notifications (issue 20).
      guarded(['teacher', 'trainer'], 'notifications', NotificationsPage),
      guarded(['teacher', 'trainer'], 'notifications/preferences', NotificationPreferencesPage),
      // Every signed-in person: what Relais holds about him (issue 19).
      guarded(ROLES, 'mes-donnees', MyDataPage),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
