import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { fr } from '../../i18n/fr';

/** The last two fields of a table's picker: the catalogue's dimensions, then the button that applies. */
export function DimensionAndApply<By extends string>({
  dimensions,
  value,
  onChange,
}: {
  dimensions: readonly By[];
  value: By;
  onChange: (by: By) => void;
}) {
  return (
    <>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <Select
          label={fr.statistics.dimensionLegend}
          nativeSelectProps={{ value, onChange: (event) => onChange(event.target.value as By) }}
        >
          {dimensions.map((dimension) => (
            <option key={dimension} value={dimension}>
              {fr.statistics.dimensions[dimension]}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline">
        <Button type="submit">{fr.statistics.apply}</Button>
      </div>
    </>
  );
}
