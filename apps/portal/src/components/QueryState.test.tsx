import type { UseQueryResult } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { QueryState } from './QueryState';

function queryOf<T>(state: Partial<UseQueryResult<T>>): UseQueryResult<T> {
  return { isPending: false, isError: false, refetch: vi.fn(), ...state } as unknown as UseQueryResult<T>;
}

describe('QueryState', () => {
  it('announces loading politely', () => {
    render(
      <QueryState query={queryOf<string[]>({ isPending: true })} empty="Rien">
        {() => null}
      </QueryState>,
    );
    expect(screen.getByRole('status').textContent).toBe('Chargement…');
  });

  it('shows the French sentence of the error and a retry button', () => {
    const query = queryOf<string[]>({ isError: true, error: new ApiError(403, 'FORBIDDEN_ROLE') });
    render(
      <QueryState query={query} empty="Rien">
        {() => null}
      </QueryState>,
    );
    expect(screen.getByText(/Votre compte ne permet pas cette action/)).toBeTruthy();
    screen.getByRole('button', { name: 'Réessayer' }).click();
    expect(query.refetch).toHaveBeenCalledTimes(1);
  });

  it('says so when the list is empty instead of showing nothing', () => {
    render(
      <QueryState query={queryOf<string[]>({ data: [] })} empty="Aucun parcours pour le moment.">
        {() => null}
      </QueryState>,
    );
    expect(screen.getByText('Aucun parcours pour le moment.')).toBeTruthy();
  });

  it('renders the data when there is some', () => {
    render(
      <QueryState query={queryOf({ data: ['Lire'] })} empty="Rien">
        {(items) => (
          <ul>
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </QueryState>,
    );
    expect(screen.getByRole('listitem').textContent).toBe('Lire');
  });
});
