// The phases and milestones drawn as a horizontal timeline (CSS, no chart library). It is a
// picture for sighted users; the tables next to it carry the same facts for everyone.
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import type { Milestone, Phase } from "../api.ts";
import { DAY_MS, formatDate, parseIsoDate } from "../dates.ts";

interface Props {
  phases: Phase[];
  milestones: Milestone[];
  currentPhase: number | null;
  today: string;
  captionId: string;
}

function yearStart(time: number, offset = 0): number {
  return Date.UTC(new Date(time).getUTCFullYear() + offset, 0, 1);
}

export function Gantt({ phases, milestones, currentPhase, today, captionId }: Props): ReactElement | null {
  const { t, i18n } = useTranslation();
  const times = [...phases.flatMap((p) => [p.startsOn, p.endsOn]), ...milestones.map((m) => m.date)]
    .map((d) => (d ? parseIsoDate(d) : null))
    .filter((d): d is number => d !== null);
  if (times.length === 0) return null;

  const from = yearStart(Math.min(...times));
  const to = yearStart(Math.max(...times), 1);
  const span = to - from;
  const size = (duration: number) => `${((duration / span) * 100).toFixed(3)}%`;
  const at = (time: number) => size(time - from);
  const years: number[] = [];
  for (let y = new Date(from).getUTCFullYear(); Date.UTC(y, 0, 1) < to; y++) years.push(y);
  const todayTime = parseIsoDate(today);

  return (
    <figure className="zk-gantt" aria-labelledby={captionId}>
      <div className="zk-gantt__chart" aria-hidden="true">
        <div className="zk-gantt__row zk-gantt__row--axis">
          <div className="zk-gantt__label" />
          <div className="zk-gantt__track">
            {years.map((year) => (
              <span
                key={year}
                className="zk-gantt__year"
                style={{ left: at(Date.UTC(year, 0, 1)), width: size(Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) }}
              >
                {year}
              </span>
            ))}
          </div>
        </div>
        {phases.map((phase) => {
          const start = phase.startsOn ? parseIsoDate(phase.startsOn) : null;
          const endDate = phase.endsOn ? parseIsoDate(phase.endsOn) : null;
          const end = endDate !== null ? endDate + DAY_MS : to;
          const current = phase.number === currentPhase;
          return (
            <div key={phase.number} className={current ? "zk-gantt__row zk-gantt__row--current" : "zk-gantt__row"}>
              <div className="zk-gantt__label">
                <span className="zk-gantt__number">{phase.number}</span> {phase.name}
              </div>
              <div className="zk-gantt__track">
                {years.map((year) => (
                  <span key={year} className="zk-gantt__grid" style={{ left: at(Date.UTC(year, 0, 1)) }} />
                ))}
                {start !== null ? (
                  <span
                    className={endDate === null ? "zk-gantt__bar zk-gantt__bar--open" : "zk-gantt__bar"}
                    style={{ left: at(start), width: size(Math.max(end - start, DAY_MS)) }}
                    title={`${formatDate(phase.startsOn, i18n.language)} – ${formatDate(phase.endsOn, i18n.language) ?? t("timeline.open")}`}
                  />
                ) : null}
              </div>
            </div>
          );
        })}
        {milestones.map((milestone, index) => {
          const time = milestone.date ? parseIsoDate(milestone.date) : null;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: milestones have no identity beyond their order.
            <div key={index} className="zk-gantt__row zk-gantt__row--milestone">
              <div className="zk-gantt__label">{milestone.label}</div>
              <div className="zk-gantt__track">
                {years.map((year) => (
                  <span key={year} className="zk-gantt__grid" style={{ left: at(Date.UTC(year, 0, 1)) }} />
                ))}
                {time !== null ? <span className="zk-gantt__diamond" style={{ left: at(time) }} /> : null}
              </div>
            </div>
          );
        })}
        {todayTime !== null && todayTime >= from && todayTime < to ? (
          <div className="zk-gantt__today-layer">
            <div className="zk-gantt__label" />
            <div className="zk-gantt__track">
              <span className="zk-gantt__today" style={{ left: at(todayTime) }}>
                <span className="zk-gantt__today-label">{t("timeline.today")}</span>
              </span>
            </div>
          </div>
        ) : null}
      </div>
      <figcaption id={captionId} className="zk-gantt__caption">
        {t("timeline.chartLabel")}
      </figcaption>
    </figure>
  );
}
