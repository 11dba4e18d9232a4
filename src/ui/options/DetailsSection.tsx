import { useT } from '../useT';
import type { OptionsModel } from './useOptions';

/** The agent's and team's details for placeholders ({{agent.name}}, {{team.phone}}, …). Saved on leaving a field. */
export function DetailsSection({ model }: { model: OptionsModel }) {
  const t = useT();
  const { settings, save } = model;
  const team = settings.team;
  const field = (id: string, label: string, value: string, onSave: (value: string) => void) => (
    <div class="field-row">
      <label for={id}>{label}</label>
      <input
        id={id}
        data-testid={id}
        type="text"
        value={value}
        onChange={(e) => onSave((e.currentTarget as HTMLInputElement).value.trim())}
      />
    </div>
  );
  return (
    <section class="card" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('options.details.heading')}</h2>
      <p class="muted">{t('options.details.intro')}</p>
      {field(
        'agent-name',
        t('options.details.agentName'),
        settings.agentName,
        (agentName) => void save({ agentName }),
      )}
      {field(
        'team-name',
        t('options.details.teamName'),
        team.name,
        (name) => void save({ team: { ...team, name } }),
      )}
      {field(
        'team-phone',
        t('options.details.teamPhone'),
        team.phone,
        (phone) => void save({ team: { ...team, phone } }),
      )}
      {field(
        'team-hours',
        t('options.details.teamHours'),
        team.hours,
        (hours) => void save({ team: { ...team, hours } }),
      )}
    </section>
  );
}
