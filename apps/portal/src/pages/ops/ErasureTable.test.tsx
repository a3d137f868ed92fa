import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../i18n/format';
import { ErasureTable } from './ErasureList';
import type { ErasureView } from './erasure-rules';

const pending: ErasureView = {
  erasureId: 'e1',
  requestedAt: '2026-12-07T09:30:00.000Z',
  source: 'administrator',
  reason: 'Demande de la personne au titre de l’article 17.',
  requestedByMe: true,
  status: 'pending',
  servicesDone: ['enrollment', 'feedback'],
  servicesPending: ['progress', 'notifications'],
};
const done: ErasureView = {
  ...pending,
  erasureId: 'e2',
  source: 'identity-provider',
  reason: 'Compte supprimé dans le service de connexion',
  requestedByMe: false,
  status: 'done',
  servicesDone: ['enrollment', 'progress', 'feedback', 'notifications'],
  servicesPending: [],
};

describe('ErasureTable', () => {
  afterEach(cleanup);

  it('shows a pending request as « En cours » with the services still to finish, in French', () => {
    render(<ErasureTable erasures={[pending, done]} />);
    const [, first, second] = screen.getAllByRole('row');
    expect(within(first!).getByRole('rowheader').textContent).toBe(formatDateTime(pending.requestedAt));
    expect(formatDateTime(pending.requestedAt)).toMatch(/^7 décembre 2026 à \d\d:30$/);
    expect(first!.textContent).toContain('Administrateur, par vous');
    expect(first!.textContent).toContain('En cours');
    expect(first!.textContent).toContain('Reste à terminer : Progression, Notifications.');
    expect(second!.textContent).toContain('Suppression du compte');
    expect(second!.textContent).not.toContain('par vous');
    expect(second!.textContent).toContain('Terminé');
    expect(second!.textContent).not.toContain('Reste à terminer');
  });
});
