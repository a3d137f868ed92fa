import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import { callApi } from './api';
import { createCourse } from './courses';
import { userId } from './realm';
import { signInAs } from './sign-in';

/**
 * Every page of every audience, for the accessibility audit (docs/accessibility-audit.md): the checks
 * of a human auditor that a browser can make honestly run over this list, so a new page joins the audit
 * by joining the list.
 */
export interface AuditedPage {
  /** The route, as in routes.tsx; reused as the page's name in failure messages. */
  route: string;
  path: string;
}

export interface Audience {
  name: string;
  /** Signed out when absent. */
  username?: string;
  pages: (request: APIRequestContext) => Promise<AuditedPage[]>;
}

// People no other spec uses: the audit's course and enrollment stay out of the other journeys.
const AUDIT_TEACHER = 'teacher.30';

export const AUDIENCES: Audience[] = [
  {
    name: 'public',
    pages: async () => [
      { route: '/', path: '/' },
      { route: '/accessibilite', path: '/accessibilite' },
      { route: '/donnees-personnelles', path: '/donnees-personnelles' },
      { route: '/mentions-legales', path: '/mentions-legales' },
      { route: '/ce-que-relais-n-enregistre-pas', path: '/ce-que-relais-n-enregistre-pas' },
      { route: '/verifier/:code', path: '/verifier/ZZZZ-ZZZZ-ZZZZ-ZZZZ' },
      { route: '*', path: '/une/page/qui/n-existe-pas' },
    ],
  },
  {
    name: 'teacher',
    username: AUDIT_TEACHER,
    pages: async (request) => {
      const course = await createCourse(request, {
        prefix: 'Audit accessibilité',
        colleagues: [AUDIT_TEACHER],
      });
      const trainer = userId('trainer.alice');
      return [
        { route: '/catalogue', path: '/catalogue' },
        { route: '/catalogue/:courseId', path: `/catalogue/${course.id}` },
        { route: '/mes-parcours', path: '/mes-parcours' },
        { route: '/mes-parcours/:courseId', path: `/mes-parcours/${course.id}` },
        { route: '/mes-parcours/:courseId/retour', path: `/mes-parcours/${course.id}/retour` },
        { route: '/mes-parcours/:courseId/quitter', path: `/mes-parcours/${course.id}/quitter` },
        { route: '/mes-retours', path: '/mes-retours' },
        { route: '/messages', path: '/messages' },
        { route: '/notifications', path: '/notifications' },
        { route: '/notifications/preferences', path: '/notifications/preferences' },
        { route: '/mes-donnees', path: '/mes-donnees' },
        {
          route: '/messages/ecrire/:courseId/:userId',
          path: `/messages/ecrire/${course.id}/${trainer}`,
        },
        // The French "not allowed" page, as a teacher typing another audience's URL sees it.
        { route: 'not allowed', path: '/circonscription' },
      ];
    },
  },
  {
    name: 'trainer',
    username: 'trainer.alice',
    pages: async (request) => {
      const course = await createCourse(request, {
        prefix: 'Audit accessibilité formateur',
        colleagues: [AUDIT_TEACHER],
      });
      await callApi(request, AUDIT_TEACHER, 'POST', `/api/feedback/courses/${course.id}/feedback`, {
        category: 'content-relevance',
        intensity: 2,
        message: 'Un retour nominatif pour que la boîte de réception du formateur ne soit pas vide.',
        visibility: 'named',
      });
      return [
        { route: '/formateur', path: '/formateur' },
        { route: '/formateur/parcours/:courseId', path: `/formateur/parcours/${course.id}` },
        {
          route: '/formateur/parcours/:courseId/activites',
          path: `/formateur/parcours/${course.id}/activites`,
        },
        { route: '/formateur/parcours/:courseId/retours', path: `/formateur/parcours/${course.id}/retours` },
        { route: '/messages', path: '/messages' },
        { route: '/notifications', path: '/notifications' },
        { route: '/mes-donnees', path: '/mes-donnees' },
      ];
    },
  },
  {
    name: 'training manager',
    username: 'manager.lyon',
    pages: async (request) => {
      const course = await createCourse(request, { prefix: 'Audit accessibilité gestion' });
      return [
        { route: '/gestion', path: '/gestion' },
        { route: '/gestion/nouveau', path: '/gestion/nouveau' },
        { route: '/gestion/parcours/:courseId', path: `/gestion/parcours/${course.id}` },
      ];
    },
  },
  {
    name: 'inspector',
    username: 'inspector.d1',
    pages: async () => [
      { route: '/circonscription', path: '/circonscription' },
      { route: '/mes-donnees', path: '/mes-donnees' },
    ],
  },
  {
    name: 'CHSCT',
    username: 'chsct.national',
    pages: async () => [
      { route: '/chsct/tendances', path: '/chsct/tendances' },
      { route: '/statistiques/methode', path: '/statistiques/methode' },
    ],
  },
  {
    name: 'ministry',
    username: 'ministry.dne',
    pages: async () => [
      { route: '/ministere/statistiques', path: '/ministere/statistiques' },
      { route: '/statistiques/methode', path: '/statistiques/methode' },
    ],
  },
  {
    name: 'administrator',
    username: 'ops.admin',
    pages: async (request) => {
      // A request in the list, so its table is audited too: an id no one has (harmless, ADR 0033).
      await callApi(request, 'ops.admin', 'POST', '/api/enrollment/ops/erasures', {
        personId: randomUUID(),
        reason: 'Audit d’accessibilité : une demande pour que la liste ne soit pas vide.',
      });
      return [
        { route: '/exploitation/effacements', path: '/exploitation/effacements' },
        { route: '/mes-donnees', path: '/mes-donnees' },
      ];
    },
  },
];

/**
 * Opens a page and waits until it is complete: DSFR's script started, the data and the charts drawn,
 * and every "Voir le tableau" opened, so that the data tables are audited too.
 */
export async function openForAudit(
  page: Page,
  path: string,
  options: { openTables?: boolean } = {},
): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-fr-js', 'true');
  await expect(page.locator('main p[role="status"][aria-live="polite"]')).toHaveCount(0);
  const toggles = page.getByRole('main').getByRole('button', { name: 'Voir le tableau' });
  while (options.openTables !== false && (await toggles.count()) > 0) {
    await toggles.first().click();
  }
  // The pointer leaves the last button it clicked: the page is judged at rest, not hovered.
  await page.mouse.move(0, 0);
  await expect(page.locator('main .relais-chart:not(:has(canvas))')).toHaveCount(0);
}

/**
 * Signs the audience in (once) and runs `check` on each of its pages; the check returns what it found
 * wrong, and the test fails once, listing every page's findings, so one run shows the whole audit.
 */
export async function auditPages(
  page: Page,
  request: APIRequestContext,
  audience: Audience,
  check: (page: Page, audited: AuditedPage) => Promise<string[]>,
  options: { openTables?: boolean } = {},
): Promise<void> {
  const pages = await audience.pages(request);
  if (audience.username) await signInAs(page, audience.username);
  const findings: string[] = [];
  for (const audited of pages) {
    await openForAudit(page, audited.path, options);
    findings.push(...(await check(page, audited)).map((finding) => `${audited.route}: ${finding}`));
  }
  expect(findings).toEqual([]);
}
