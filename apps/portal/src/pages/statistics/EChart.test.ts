import { describe, expect, it } from 'vitest';
import { optionOf } from './EChart';
import type { Figure } from './model';

const figure: Figure = {
  id: 'repondants',
  title: 'Répondants',
  kind: 'line',
  unit: 'teachers',
  axis: [
    { key: '2025-11', label: 'nov. 2025' },
    { key: '2025-12', label: 'déc. 2025' },
    { key: '2026-01', label: 'janv. 2026' },
  ],
  axisHeader: 'Mois',
  primaryReason: 'moins de 11 enseignants',
  series: [
    {
      key: 'workload-time|all',
      label: 'Charge de travail',
      total: false,
      points: [
        { kind: 'value', value: 40 },
        { kind: 'secret', reason: 'primary' },
        { kind: 'value', value: 0 },
      ],
    },
  ],
};

describe('chart options', () => {
  const option = optionOf(figure);
  const series = option.series as { type: string; name: string; data: unknown[]; connectNulls?: boolean }[];

  it('breaks the line at a withheld cell instead of drawing 0 or joining over it', () => {
    expect(series[0]?.data).toEqual([40, null, 0]);
    expect(series[0]?.connectNulls).toBe(false);
  });

  it('marks the withheld cell on its own legend entry, with its reason', () => {
    const secrets = series.find((entry) => entry.name === 'Secret statistique (valeur masquée)');
    expect(secrets?.type).toBe('scatter');
    expect(secrets?.data).toEqual([
      { value: [1, 1], name: 'Charge de travail — déc. 2025 : secret statistique (moins de 11 enseignants)' },
    ]);
  });

  it('is described for assistive technologies and never animated', () => {
    expect(option.animation).toBe(false);
    const aria = option.aria as { enabled: boolean; label: { description: string } };
    expect(aria.enabled).toBe(true);
    expect(aria.label.description).toContain('Graphique « Répondants », de nov. 2025 à janv. 2026');
  });
});
