// The region's tenders, with the size of each one's structure.
import {
  Heading1,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.ts";
import { can } from "../policy.ts";
import { useMe } from "../session.tsx";
import { ErrorAlert } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { useResource } from "../useResource.ts";

export function TendersPage(): ReactElement {
  const { t } = useTranslation();
  const { region, user } = useMe();
  // Providers bid; staff follow the registrations (and, after the opening, the bids).
  const bids = can.bid(user.role)
    ? { path: "my-bids", label: "bid" }
    : can.seeRegistrations(user.role)
      ? { path: "bids", label: "bids" }
      : null;
  const [tenders, { reload }] = useResource(() => api.tenders(), []);
  usePageTitle(t("tenders.title"));

  return (
    <>
      <Heading1>{t("tenders.title")}</Heading1>
      <Paragraph lead>{t("tenders.intro", { region: region.name })}</Paragraph>
      {tenders.status === "loading" ? (
        <Paragraph role="status">{t("app.loading")}</Paragraph>
      ) : tenders.status === "error" ? (
        <ErrorAlert message={tenders.message} onRetry={reload} />
      ) : tenders.data.length === 0 ? (
        <Paragraph>{t("tenders.empty")}</Paragraph>
      ) : (
        <div className="zk-table-scroll">
          <Table className="zk-table">
            <TableCaption className="zk-visually-hidden">{t("tenders.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("tenders.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("tenders.procedure")}</TableHeaderCell>
                <TableHeaderCell scope="col" className="zk-numeric">
                  {t("tenders.lots")}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="zk-numeric">
                  {t("tenders.segments")}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="zk-numeric">
                  {t("tenders.subsegments")}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t("nav.timeline")}</TableHeaderCell>
                {bids ? <TableHeaderCell scope="col">{t(`nav.${bids.label}`)}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {tenders.data.map((tender) => (
                <TableRow key={tender.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={`/tenders/${tender.id}`}>{tender.name}</AppLink>
                    {tender.reference ? <span className="zk-muted"> · {tender.reference}</span> : null}
                    {tender.copiedFrom ? <span className="zk-muted zk-block">{t("tenders.copiedFrom")}</span> : null}
                  </TableHeaderCell>
                  <TableCell>
                    {t(`procedure.${tender.procedure}`)}
                    <span className="zk-muted zk-block">{t(`regime.${tender.regime}`)}</span>
                  </TableCell>
                  <TableCell className="zk-numeric">{tender.counts.lots}</TableCell>
                  <TableCell className="zk-numeric">{tender.counts.segments}</TableCell>
                  <TableCell className="zk-numeric">{tender.counts.subsegments}</TableCell>
                  <TableCell>
                    <AppLink to={`/tenders/${tender.id}/timeline`}>
                      {t("nav.timeline")}
                      <span className="zk-visually-hidden"> {tender.name}</span>
                    </AppLink>
                  </TableCell>
                  {bids ? (
                    <TableCell>
                      <AppLink to={`/tenders/${tender.id}/${bids.path}`}>
                        {t(`nav.${bids.label}`)}
                        <span className="zk-visually-hidden"> {tender.name}</span>
                      </AppLink>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
