// "Eisen en criteria": what a tender asks, read-only for everyone of the region: the minimum
// requirements per level (tender, lot, segment, subsegment) and per segment the selection criteria
// A–F with their weights, the threshold and the scale.
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api, type Tender } from "../api.ts";
import { formatMoment } from "../dates.ts";
import { Pending } from "../shell/Layout.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { TenderNav } from "../tender/TenderNav.tsx";
import { useResource } from "../useResource.ts";
import { type Requirement, requirementsApi, type TenderAsks } from "./api.ts";

export function RequirementsPage(): ReactElement {
  const { t } = useTranslation();
  const { tenderId = "" } = useParams();
  const [data, { reload }] = useResource(async () => {
    const [tender, asks] = await Promise.all([api.tender(tenderId), requirementsApi.asks(tenderId)]);
    return { tender, asks };
  }, [tenderId]);
  usePageTitle(
    data.status === "ready" ? t("requirements.title", { name: data.data.tender.name }) : t("nav.requirements"),
  );

  if (data.status !== "ready") return <Pending resource={data} title={t("nav.requirements")} onRetry={reload} />;
  return <Asks {...data.data} />;
}

function Asks({ tender, asks }: { tender: Tender; asks: TenderAsks }): ReactElement {
  const { t, i18n } = useTranslation();
  const scopeName = (r: Requirement): string => {
    for (const lot of tender.lots) {
      if (r.lotId === lot.id) return lot.name;
      for (const segment of lot.segments) {
        if (r.segmentId === segment.id) return segment.name;
        const sub = segment.subsegments.find((s) => s.id === r.subsegmentId);
        if (sub) return `${segment.name} › ${sub.name}`;
      }
    }
    return t("requirements.wholeTender");
  };
  const sorted = [...asks.requirements].sort(
    (a, b) =>
      LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.position - b.position || a.code.localeCompare(b.code),
  );

  return (
    <>
      <Heading1>{t("requirements.title", { name: tender.name })}</Heading1>
      <TenderNav tenderId={tender.id} />
      <Paragraph lead>{t("requirements.intro")}</Paragraph>

      <DataList className="zk-facts zk-facts--summary">
        <DataListItem>
          <DataListKey>{t("requirements.publishedAt")}</DataListKey>
          <DataListValue>
            {asks.publishedAt ? formatMoment(asks.publishedAt, i18n.language) : t("requirements.notPublished")}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("bidding.closesAt")}</DataListKey>
          <DataListValue>
            {asks.closesAt ? formatMoment(asks.closesAt, i18n.language) : t("structure.notSet")}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("requirements.bidValidDays")}</DataListKey>
          <DataListValue>{t("requirements.days", { count: asks.bidValidDays })}</DataListValue>
        </DataListItem>
      </DataList>

      <section aria-labelledby="minimum-heading" className="zk-section">
        <Heading2 id="minimum-heading">
          {t("requirements.minimum")} <span className="zk-count">({asks.requirements.length})</span>
        </Heading2>
        {sorted.length === 0 ? (
          <Paragraph>{t("requirements.none")}</Paragraph>
        ) : (
          <div className="zk-table-scroll">
            <Table className="zk-table">
              <TableCaption className="zk-visually-hidden">{t("requirements.caption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("requirements.code")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("requirements.text")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("requirements.scope")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("requirements.appliesTo")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {sorted.map((r) => (
                  <TableRow key={r.id}>
                    <TableHeaderCell scope="row">{r.code}</TableHeaderCell>
                    <TableCell className="zk-prewrap">
                      {r.text}
                      {r.kind === "reference" && r.minClients !== null ? (
                        <span className="zk-muted zk-block">
                          {t("requirements.minClients", { count: r.minClients })}
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      {t(`requirementLevel.${r.level}`)}
                      <span className="zk-muted zk-block">{scopeName(r)}</span>
                    </TableCell>
                    <TableCell>
                      {[
                        t("requirements.mainContractor"),
                        ...(r.appliesToMembers ? [t("requirements.members")] : []),
                        ...(r.appliesToSubcontractors ? [t("requirements.subcontractors")] : []),
                      ].join(", ")}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="criteria-heading" className="zk-section">
        <Heading2 id="criteria-heading">{t("requirements.criteria")}</Heading2>
        {tender.lots.flatMap((lot) =>
          lot.segments.map((segment) => {
            const criteria = asks.criteria
              .filter((c) => c.segmentId === segment.id)
              .sort((a, b) => a.letter.localeCompare(b.letter));
            const settings = asks.segments.find((s) => s.segmentId === segment.id);
            return (
              <div key={segment.id} className="zk-section">
                <Heading3>
                  {segment.name} <span className="zk-muted">· {t("structure.lot", { name: lot.name })}</span>
                </Heading3>
                {criteria.length === 0 ? (
                  <Paragraph>{t("requirements.noCriteria")}</Paragraph>
                ) : (
                  <>
                    <p className="zk-hint">
                      {t("requirements.scale", { max: settings?.scaleMax ?? 10 })}
                      {settings?.threshold !== null && settings?.threshold !== undefined
                        ? ` ${t("requirements.threshold", { threshold: settings.threshold })}`
                        : ""}
                    </p>
                    <div className="zk-table-scroll">
                      <Table className="zk-table">
                        <TableCaption className="zk-visually-hidden">
                          {t("requirements.criteriaCaption", { segment: segment.name })}
                        </TableCaption>
                        <TableHeader>
                          <TableRow>
                            <TableHeaderCell scope="col">{t("requirements.letter")}</TableHeaderCell>
                            <TableHeaderCell scope="col">{t("requirements.criterion")}</TableHeaderCell>
                            <TableHeaderCell scope="col" className="zk-numeric">
                              {t("requirements.weightColumn")}
                            </TableHeaderCell>
                          </TableRow>
                        </TableHeader>
                        <TableBody>
                          {criteria.map((c) => (
                            <TableRow key={c.id}>
                              <TableHeaderCell scope="row">{c.letter}</TableHeaderCell>
                              <TableCell>
                                <strong>{c.title}</strong>
                                {c.text ? <span className="zk-block zk-prewrap">{c.text}</span> : null}
                              </TableCell>
                              <TableCell className="zk-numeric">{c.weight}%</TableCell>
                            </TableRow>
                          ))}
                        </TableBody>
                        <TableFooter>
                          <TableRow>
                            <TableHeaderCell scope="row" colSpan={2}>
                              {t("requirements.total")}
                            </TableHeaderCell>
                            <TableCell className="zk-numeric">
                              {settings?.weightTotal ?? criteria.reduce((n, c) => n + c.weight, 0)}%
                            </TableCell>
                          </TableRow>
                        </TableFooter>
                      </Table>
                    </div>
                  </>
                )}
              </div>
            );
          }),
        )}
      </section>
    </>
  );
}

const LEVELS = ["tender", "lot", "segment", "subsegment"] as const;
