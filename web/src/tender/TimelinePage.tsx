// A tender's timeline: where it stands, its planning warnings, the chart and the tables behind it.
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { type ReactElement, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api, type Tender, type Timeline } from "../api.ts";
import { formatDate } from "../dates.ts";
import { can } from "../policy.ts";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { useResource } from "../useResource.ts";
import { Gantt } from "./Gantt.tsx";
import { TenderNav } from "./TenderNav.tsx";
import { TimelineForm } from "./TimelineForm.tsx";
import { Warnings } from "./Warnings.tsx";

export function TimelinePage(): ReactElement {
  const { t } = useTranslation();
  const { tenderId = "" } = useParams();
  const [data, { reload, set }] = useResource(async () => {
    const [tender, timeline] = await Promise.all([api.tender(tenderId), api.timeline(tenderId)]);
    return { tender, timeline };
  }, [tenderId]);
  usePageTitle(data.status === "ready" ? t("timeline.title", { name: data.data.tender.name }) : t("nav.timeline"));

  if (data.status !== "ready") return <Pending resource={data} title={t("nav.timeline")} onRetry={reload} />;
  return (
    <TimelineView
      tender={data.data.tender}
      timeline={data.data.timeline}
      onSaved={(timeline) => set({ tender: data.data.tender, timeline })}
    />
  );
}

function TimelineView(props: { tender: Tender; timeline: Timeline; onSaved(timeline: Timeline): void }): ReactElement {
  const { tender, timeline } = props;
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const editButton = useRef<HTMLButtonElement>(null);
  const warningsHeading = useRef<HTMLHeadingElement>(null);
  const date = (iso: string | null) => formatDate(iso, i18n.language);
  const current = timeline.phases.find((p) => p.number === timeline.status.currentPhase);
  const next = timeline.status.nextMilestone;
  const editable = can.editTimeline(user.role);

  return (
    <>
      <Heading1>{t("timeline.title", { name: tender.name })}</Heading1>
      <TenderNav tenderId={tender.id} />
      <Paragraph lead>{t("timeline.intro")}</Paragraph>

      <section aria-labelledby="status-heading" className="zk-section zk-status">
        <Heading2 id="status-heading">{t("timeline.status")}</Heading2>
        <DataList className="zk-facts zk-facts--summary">
          <DataListItem>
            <DataListKey>{t("timeline.today")}</DataListKey>
            <DataListValue>{date(timeline.status.today)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("timeline.currentPhase")}</DataListKey>
            <DataListValue>{current ? `${current.number}. ${current.name}` : t("timeline.none")}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("timeline.nextMilestone")}</DataListKey>
            <DataListValue>{next ? `${next.label} (${date(next.date)})` : t("timeline.none")}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("timeline.regime")}</DataListKey>
            <DataListValue>{t(`regime.${timeline.regime}`)}</DataListValue>
          </DataListItem>
        </DataList>
      </section>

      <div role="status" aria-live="polite" className="zk-announce">
        {announcement ? <p className="zk-saved">{announcement}</p> : null}
      </div>

      <section aria-labelledby="warnings-heading" className="zk-section">
        <Heading2 id="warnings-heading" ref={warningsHeading} tabIndex={-1}>
          {t("timeline.warnings")}{" "}
          <span className="zk-count">({t("timeline.warningCount", { count: timeline.warnings.length })})</span>
        </Heading2>
        <Warnings warnings={timeline.warnings} />
      </section>

      {editable && !editing ? (
        <Button ref={editButton} appearance="primary-action-button" onClick={() => setEditing(true)}>
          {t("timeline.edit")}
        </Button>
      ) : null}
      {editing ? (
        <section className="zk-section zk-edit-panel" aria-label={t("timeline.edit")}>
          <TimelineForm
            tenderId={tender.id}
            timeline={timeline}
            onCancel={() => {
              setEditing(false);
              requestAnimationFrame(() => editButton.current?.focus());
            }}
            onSaved={(saved) => {
              props.onSaved(saved);
              setEditing(false);
              setAnnouncement(t("timeline.saved", { count: saved.warnings.length }));
              requestAnimationFrame(() => warningsHeading.current?.focus());
            }}
          />
        </section>
      ) : null}

      <section aria-labelledby="chart-heading" className="zk-section">
        <Heading2 id="chart-heading">{t("timeline.chart")}</Heading2>
        <Gantt
          phases={timeline.phases}
          milestones={timeline.milestones}
          currentPhase={timeline.status.currentPhase}
          today={timeline.status.today}
          captionId="chart-caption"
        />
      </section>

      <section aria-labelledby="phases-heading" className="zk-section">
        <Heading2 id="phases-heading">{t("timeline.phases")}</Heading2>
        <div className="zk-table-scroll">
          <Table className="zk-table">
            <TableCaption className="zk-visually-hidden">{t("timeline.phasesCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("timeline.number")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("timeline.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("timeline.startsOn")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("timeline.endsOn")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {timeline.phases.map((phase) => (
                <TableRow
                  key={phase.number}
                  className={phase.number === timeline.status.currentPhase ? "zk-row--current" : undefined}
                >
                  <TableCell>{phase.number}</TableCell>
                  <TableHeaderCell scope="row">
                    {phase.name}
                    {phase.number === timeline.status.currentPhase ? (
                      <span className="zk-tag">{t("timeline.current")}</span>
                    ) : null}
                    {phase.description ? <span className="zk-muted zk-block">{phase.description}</span> : null}
                  </TableHeaderCell>
                  <TableCell>{date(phase.startsOn) ?? t("timeline.noDate")}</TableCell>
                  <TableCell>{date(phase.endsOn) ?? t("timeline.open")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="milestones-heading" className="zk-section">
        <Heading2 id="milestones-heading">{t("timeline.milestones")}</Heading2>
        <div className="zk-table-scroll">
          <Table className="zk-table">
            <TableCaption className="zk-visually-hidden">{t("timeline.milestonesCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("timeline.date")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("timeline.label")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("timeline.kind")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...timeline.milestones]
                .sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"))
                .map((milestone, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: milestones have no identity beyond their order.
                  <TableRow key={index}>
                    <TableCell className="zk-nowrap">{date(milestone.date) ?? t("timeline.noDate")}</TableCell>
                    <TableHeaderCell scope="row">{milestone.label}</TableHeaderCell>
                    <TableCell>{t(`milestoneKind.${milestone.kind}`)}</TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </div>
      </section>
    </>
  );
}
