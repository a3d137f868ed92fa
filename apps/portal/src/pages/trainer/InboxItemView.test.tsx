import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InboxItemView } from './InboxItemView';
import type { InboxItem } from './trainer-queries';

const base: InboxItem = {
  id: '00000000-0000-4000-8000-000000000001',
  courseId: '00000000-0000-4000-8000-0000000000c1',
  category: 'workload-time',
  intensity: 4,
  message: 'Trop de travail cette semaine.',
  visibility: 'named',
  status: 'open',
  postedOn: '2026-12-01',
  daysToFirstReply: null,
  replies: [],
};

function show(item: InboxItem) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ul>
        <InboxItemView courseId={item.courseId} item={item} />
      </ul>
    </QueryClientProvider>,
  );
  return screen.getByRole('article');
}

describe('InboxItemView', () => {
  afterEach(cleanup);

  it('shows no name on an anonymous item, even if one reached the portal', () => {
    const item: InboxItem = {
      ...base,
      visibility: 'anonymous',
      author: { name: 'Camille Martin', formerParticipant: false },
      replies: [
        { id: 'r1', by: 'author', name: 'Camille Martin', message: 'Merci.', postedOn: '2026-12-02' },
      ],
    };
    const article = show(item);
    expect(article.textContent).not.toContain('Camille');
    expect(within(article).getByText('Retour anonyme')).toBeTruthy();
    expect(within(article).getByText(/Auteur du retour/)).toBeTruthy();
    expect(within(article).queryAllByRole('link')).toEqual([]);
  });

  it('names the author of a named item and marks one who left as a former participant', () => {
    const article = show({ ...base, author: { name: 'Camille Martin', formerParticipant: true } });
    expect(within(article).getByText(/De Camille Martin/)).toBeTruthy();
    expect(within(article).getByText('ancien participant')).toBeTruthy();
  });

  it('offers only the statuses a trainer may move to', () => {
    const article = show({ ...base, status: 'acknowledged' });
    const options = within(article)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual(['Pris en compte', 'Traité']);
  });
});
