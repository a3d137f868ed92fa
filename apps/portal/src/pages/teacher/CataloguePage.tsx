import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCourses, type Course } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatHours } from '../../i18n/format';
import { fr } from '../../i18n/fr';

function normalized(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function matches(course: Course, search: string, theme: string): boolean {
  if (theme && !course.themes.includes(theme)) return false;
  if (!search) return true;
  const words = normalized(search).split(/\s+/).filter(Boolean);
  const haystack = normalized(`${course.title} ${course.description}`);
  return words.every((word) => haystack.includes(word));
}

function CourseCard({ course, enrolled }: { course: Course; enrolled: boolean }) {
  const trainers = course.trainers.map((trainer) => trainer.name).join(', ');
  return (
    <li className="fr-col-12 fr-col-md-6">
      <div className="fr-card fr-enlarge-link">
        <div className="fr-card__body">
          <div className="fr-card__content">
            <h2 className="fr-card__title">
              <Link to={`/catalogue/${course.id}`}>{course.title}</Link>
            </h2>
            <p className="fr-card__desc">{course.description}</p>
            <ul className="fr-card__start fr-tags-group" aria-label={fr.course.themes}>
              {course.themes.map((theme) => (
                <li key={theme}>
                  <Tag small>{theme}</Tag>
                </li>
              ))}
            </ul>
            <div className="fr-card__end">
              <p className="fr-card__detail">
                {fr.catalogue.predictedHours(formatHours(course.predictedHours))}
              </p>
              <p className="fr-card__detail">
                {trainers ? fr.catalogue.trainers(trainers) : fr.catalogue.noTrainer}
              </p>
              <p className="fr-card__detail">{fr.catalogue.seatsLeft(course.seatsLeft)}</p>
              {enrolled && (
                <Badge severity="success" small>
                  {fr.catalogue.enrolled}
                </Badge>
              )}
            </div>
          </div>
        </div>
      </div>
    </li>
  );
}

export default function CataloguePage() {
  usePageTitle(fr.catalogue.title);
  const courses = useCourses();
  // The search lives in the URL: a filtered catalogue can be bookmarked, and Back restores it.
  const [params, setParams] = useSearchParams();
  const search = params.get('recherche') ?? '';
  const theme = params.get('theme') ?? '';
  const [typed, setTyped] = useState(search);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (typed.trim()) next.set('recherche', typed.trim());
    if (theme) next.set('theme', theme);
    setParams(next);
  };
  const chooseTheme = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('theme', value);
    else next.delete('theme');
    setParams(next);
  };

  return (
    <>
      <h1>{fr.catalogue.title}</h1>
      <p className="fr-text--lead">{fr.catalogue.lead}</p>
      <QueryState query={courses} empty={fr.catalogue.empty}>
        {(all) => {
          const themes = [...new Set(all.flatMap((course) => course.themes))].sort((a, b) =>
            a.localeCompare(b, 'fr'),
          );
          const shown = all.filter((course) => matches(course, search, theme));
          return (
            <>
              <form
                role="search"
                onSubmit={apply}
                className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom"
              >
                <div className="fr-col-12 fr-col-md-6">
                  <Input
                    label={fr.catalogue.search}
                    hintText={fr.catalogue.searchHint}
                    nativeInputProps={{
                      type: 'search',
                      value: typed,
                      onChange: (event) => setTyped(event.target.value),
                    }}
                  />
                </div>
                <div className="fr-col-12 fr-col-md-4">
                  <Select
                    label={fr.catalogue.theme}
                    nativeSelectProps={{ value: theme, onChange: (event) => chooseTheme(event.target.value) }}
                  >
                    <option value="">{fr.catalogue.allThemes}</option>
                    {themes.map((value) => (
                      <option key={value} value={value}>
                        {value}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className="fr-col-12 fr-col-md-2 fr-mb-3w">
                  <Button type="submit">{fr.catalogue.apply}</Button>
                </div>
              </form>
              <p role="status" className="fr-text--bold">
                {fr.catalogue.results(shown.length)}
              </p>
              {shown.length === 0 ? (
                <p className="relais-empty">{fr.catalogue.noMatch}</p>
              ) : (
                <ul className="fr-grid-row fr-grid-row--gutters relais-plain-list">
                  {shown.map((course) => (
                    <CourseCard key={course.id} course={course} enrolled={course.myRole === 'participant'} />
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
