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

describe('the ministry’s table with its national total', () => {
  it('ends with a "Total national" row, a withheld total as "secret statistique" with its reason', () => {
    render(
      <FigureTable
        figure={{
          ...figure,
          title: 'Enseignants, par mesure',
          axis: [{ key: 'lyon', label: 'Lyon' }],
          axisHeader: 'Académie',
          series: [
            {
              key: 'teachers-enrolled',
              label: 'Inscrits',
              total: false,
              points: [{ kind: 'value', value: 219 }],
            },
            {
              key: 'teachers-withdrawn',
              label: 'Retirés',
              total: false,
              points: [{ kind: 'secret', reason: 'secondary' }],
            },
          ],
          totalRow: {
            label: 'Total national',
            points: [
              { kind: 'value', value: 1234 },
              { kind: 'secret', reason: 'primary' },
            ],
          },
        }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Enseignants, par mesure : tableau des valeurs' });
    const last = within(table).getAllByRole('row').at(-1)!;
    expect(within(last).getByRole('rowheader').textContent).toBe('Total national');
    const cells = within(last).getAllByRole('cell');
    expect(cells[0]?.textContent).toBe('1\u202f234');
    expect(cells[1]?.textContent).toBe('secret statistique(moins de 11 enseignants)');
  });
});

describe('a period not yet published', () => {
  it('gives its publication date in French', () => {
    const error = new ApiError(404, 'PERIOD_NOT_PUBLISHED', [], { publishedOn: '2027-01-08' });
    render(<TableError error={error} onRetry={vi.fn()} />);
    expect(screen.getByText(/elle le sera le 8 janvier 2027/)).toBeTruthy();
  });
});
