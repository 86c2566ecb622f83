import { formatDate, formatNumber, type Locale } from '@helhed/kit';
import { html, nothing, svg, type TemplateResult } from 'lit';
import {
  byDepartment,
  type CitizenProgression,
  goalTrend,
  type PlanData,
  type PlanGoal,
  type PlanIntervention,
} from './plan.data.js';
import { forCode, t } from './plan.messages.js';

/** Pure render functions for the plan's sections; the element owns state and editing. */

const n = (value: number, locale: Locale) => formatNumber(value, { locale, maximumFractionDigits: 1 });
const day = (value: string, locale: Locale) => formatDate(value, { locale, style: 'short' });

/** Contact points, parallel interventions, unserved goals, goalless interventions, GAS. */
export function overview(data: PlanData, locale: Locale, citizenPlan: boolean): TemplateResult {
  const { plan } = data;
  const { professionals, departments } = plan.contactPoints;
  const contact = t(
    citizenPlan ? 'contactCitizen' : 'contactFamily',
    {
      professionals,
      departments,
      professionalWord: t(professionals === 1 ? 'professionalOne' : 'professionalOther', undefined, locale),
      departmentWord: t(departments === 1 ? 'departmentOne' : 'departmentOther', undefined, locale),
    },
    locale,
  );
  const goalText = (id: string) => plan.goals.find((g) => g.id === id)?.text ?? '';
  const flags = [
    ...plan.parallelInterventions.map((p) =>
      flag(
        'parallel',
        t(
          'parallel',
          {
            first: p.first.type,
            firstDepartment: p.first.department.name,
            second: p.second.type,
            secondDepartment: p.second.department.name,
            goals: p.sharedGoals.map((g) => g.text).join('», »'),
          },
          locale,
        ),
      ),
    ),
    ...plan.unservedGoals.map((g) => flag('unserved', t('unserved', { goal: goalText(g.id) }, locale))),
    ...plan.interventionsWithoutGoal.map((w) => {
      const iv = plan.interventions.find((i) => i.id === w.id);
      return flag(
        'without-goal',
        t('withoutGoal', { type: iv?.type ?? '', department: iv?.department.name ?? '' }, locale),
      );
    }),
  ];
  return html`<section class="overview" aria-labelledby="overview-heading">
    <h3 id="overview-heading">${t('overview', undefined, locale)}</h3>
    <p class="contact-points"><strong>${contact}</strong></p>
    ${flags.length ? html`<ul class="flags">${flags}</ul>` : html`<p class="calm">${t('nothingFlagged', undefined, locale)}</p>`}
    ${plan.goalAttainmentT === null ? nothing : html`<p class="gas">${t('gas', { t: n(plan.goalAttainmentT, locale) }, locale)}</p>`}
  </section>`;
}

function flag(kind: string, text: string) {
  return html`<li class="flag" data-flag=${kind}><span class="icon" aria-hidden="true">!</span> ${text}</li>`;
}

/** A tiny line of the goal's values over time; the numbers are also in text beside it. */
function sparkline(values: number[], goal: PlanGoal, locale: Locale) {
  if (values.length < 2) return nothing;
  const lo = Math.min(goal.baseline, goal.target, ...values);
  const hi = Math.max(goal.baseline, goal.target, ...values);
  const x = (i: number) => 2 + (i * 76) / (values.length - 1);
  const y = (v: number) => 22 - ((v - lo) / (hi - lo || 1)) * 20;
  const points = values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
  return html`<span class="trend">
    <svg class="sparkline" viewBox="0 0 80 24" width="80" height="24" aria-hidden="true">
      ${svg`<line x1="0" x2="80" y1=${y(goal.target)} y2=${y(goal.target)} class="target-line" />
      <polyline points=${points} />
      <circle cx=${x(values.length - 1)} cy=${y(values.at(-1) ?? 0)} r="2.5" />`}
    </svg>
    <span class="sr-only">${t('trend', { values: values.map((v) => n(v, locale)).join(' → ') }, locale)}</span>
  </span>`;
}

function progressText(goal: PlanGoal, locale: Locale) {
  const baseline = n(goal.baseline, locale);
  const target = n(goal.target, locale);
  if (goal.latest === null || goal.progress === null) return t('noProgress', { baseline, target }, locale);
  return t(
    'progress',
    { percent: Math.round(goal.progress * 100), baseline, latest: n(goal.latest, locale), target },
    locale,
  );
}

/** One goal as a list item; `actions` are the edit controls (absent for who may not edit). */
export function goalItem(
  data: PlanData,
  goal: PlanGoal,
  locale: Locale,
  actions: TemplateResult | typeof nothing,
): TemplateResult {
  const width = Math.max(0, Math.min(1, goal.progress ?? 0)) * 100;
  return html`<li class="goal ${goal.dominant ? 'dominant' : ''}" data-goal=${goal.id} data-status=${goal.status}>
    <div class="goal-head">
      <h4>${goal.dominant ? html`<span class="badge dominant-badge"><span aria-hidden="true">★</span> ${t('dominant', undefined, locale)}</span>` : nothing}
        <span class="goal-text">${goal.text}</span></h4>
      <span class="badge status">${t('status', undefined, locale)}: ${forCode('status', goal.status, locale)}</span>
    </div>
    <p class="owners">${t('owners', undefined, locale)}: ${goal.departments.map((d) => d.name).join(', ')}</p>
    <div class="progress-line">
      <span class="bar" aria-hidden="true"><span style="width:${width}%"></span></span>
      <span class="progress">${progressText(goal, locale)}</span>
      ${sparkline(goalTrend(data, goal.id), goal, locale)}
    </div>
    ${
      goal.spread === null
        ? nothing
        : html`<p class=${goal.disagreement ? 'disagreement' : 'agreement'}>
          ${goal.disagreement ? html`<span class="icon" aria-hidden="true">⇅</span>` : nothing}
          ${t(goal.disagreement ? 'disagreement' : 'agreement', { spread: n(goal.spread, locale) }, locale)}</p>`
    }
    ${actions}
  </li>`;
}

function interventionItem(iv: PlanIntervention, locale: Locale) {
  const period = iv.endsOn
    ? t('between', { from: day(iv.startsOn, locale), to: day(iv.endsOn, locale) }, locale)
    : t('openEnded', { from: day(iv.startsOn, locale) }, locale);
  const person = iv.responsibleProfessional;
  return html`<li class="intervention" data-intervention=${iv.id}>
    <h5>${iv.type}</h5>
    <dl>
      <dt>${t('legalBasis', undefined, locale)}</dt><dd>${iv.legalBasis}</dd>
      <dt>${t('responsible', undefined, locale)}</dt>
      <dd>${person ? `${person.displayName}, ${person.title}` : t('noResponsible', undefined, locale)}</dd>
      <dt>${t('period', undefined, locale)}</dt>
      <dd>${period}${iv.active ? nothing : html` (${t('ended', undefined, locale)})`}</dd>
      <dt>${t('servesGoals', undefined, locale)}</dt>
      <dd>${iv.goals.length ? iv.goals.map((g) => g.text).join('; ') : t('noGoalLinked', undefined, locale)}</dd>
    </dl>
  </li>`;
}

/** Interventions grouped under their department. */
export function interventionGroups(interventions: PlanIntervention[], locale: Locale) {
  if (interventions.length === 0) return html`<p>${t('noInterventions', undefined, locale)}</p>`;
  return byDepartment(interventions).map(
    ([department, list]) => html`<section class="department" data-department=${department.id}
      aria-labelledby="dep-${department.id}">
      <h4 id="dep-${department.id}">${department.name}</h4>
      <ul class="interventions">${list.map((iv) => interventionItem(iv, locale))}</ul>
    </section>`,
  );
}

/** Per citizen and department: the latest classification and alert, and the divergence flag. */
export function progressionSection(citizens: CitizenProgression[], data: PlanData, locale: Locale) {
  if (citizens.length === 0) return nothing;
  const instrumentName = (key: string) => data.instruments.find((i) => i.key === key)?.name ?? key;
  return html`<section class="progression" aria-labelledby="progression-heading">
    <h3 id="progression-heading">${t('progression', undefined, locale)}</h3>
    ${citizens.map((c) => {
      const { series, divergent } = c.progression;
      const name = c.displayName;
      return html`<div class="citizen" data-citizen=${c.id}>
        <h4>${name}</h4>
        ${
          series.length === 0
            ? html`<p>${t('progressionEmpty', { name }, locale)}</p>`
            : html`<p class=${divergent ? 'divergent' : 'calm'}>
                ${divergent ? html`<span class="icon" aria-hidden="true">⇅</span>` : nothing}
                ${t(divergent ? 'divergent' : 'notDivergent', { name }, locale)}</p>
              <ul class="series">${series.map(
                (s) => html`<li data-department=${s.department.id} data-alert=${s.alert}>
                  <strong>${s.department.name}</strong> –
                  ${t('seriesLine', { instrument: instrumentName(s.instrumentKey), classification: forCode('', s.classification, locale), alert: forCode('', s.alert, locale) }, locale)}
                </li>`,
              )}</ul>`
        }
      </div>`;
    })}
  </section>`;
}
