import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { FigureTable } from './FigureView';
import type { Figure } from './model';
import { TableError } from './publication';

const figure: Figure = {
  id: 'repondants',
  title: 'Répondants',
  kind: 'line',
  unit: 'teachers',
  axis: [
    { key: '2025-11', label: 'nov. 2025' },
    { key: '2025-12', label: 'déc. 2025' },
  ],
  axisHeader: 'Mois',
  primaryReason: 'moins de 11 enseignants',
  series: [
    {
      key: 'workload-time|all',
      label: 'Charge de travail',
      total: false,
      points: [
        { kind: 'secret', reason: 'primary' },
        { kind: 'secret', reason: 'secondary' },
      ],
    },
    {
      key: 'total|all',
      label: 'Ensemble',
      total: true,
      points: [{ kind: 'value', value: 1234 }, { kind: 'none' }],
    },
  ],
};

describe('the table beside a chart', () => {
  it('says "secret statistique" and why, in words, with row and column headers', () => {
    render(<FigureTable figure={figure} />);
    const table = screen.getByRole('table', { name: 'Répondants : tableau des valeurs' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe('nov. 2025');
    const cells = within(rows[1]!).getAllByRole('cell');
    expect(cells[0]?.textContent).toBe('secret statistique(moins de 11 enseignants)');
    expect(cells[1]?.textContent).toBe('1\u202f234');
    expect(within(rows[2]!).getAllByRole('cell')[0]?.textContent).toBe(
      'secret statistique(secondaire : protège une autre case)',
    );
  });
});

describe('a period not yet published', () => {
  it('gives its publication date in French', () => {
    const error = new ApiError(404, 'PERIOD_NOT_PUBLISHED', [], { publishedOn: '2027-01-08' });
    render(<TableError error={error} onRetry={vi.fn()} />);
    expect(screen.getByText(/elle le sera le 8 janvier 2027/)).toBeTruthy();
  });
});
