// After the opening: per segment the bids with the version that counts, linking to each bid.
import {
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
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import type { Tender } from "../api.ts";
import { formatDate, formatMoment } from "../dates.ts";
import { ErrorAlert } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { useResource } from "../useResource.ts";
import { biddingApi } from "./api.ts";

export function OpenedBids({ tender }: { tender: Tender }): ReactElement {
  const { t, i18n } = useTranslation();
  const [opened, { reload }] = useResource(() => biddingApi.openedBids(tender.id), [tender.id]);
  const segments = tender.lots.flatMap((lot) => lot.segments.map((segment) => ({ lot, segment })));

  return (
    <section aria-labelledby="bids-heading" className="zk-section">
      <Heading2 id="bids-heading">{t("registrations.bids")}</Heading2>
      {opened.status === "loading" ? (
        <Paragraph role="status">{t("app.loading")}</Paragraph>
      ) : opened.status === "error" ? (
        <ErrorAlert message={opened.message} onRetry={reload} />
      ) : opened.data.bids.length === 0 ? (
        <Paragraph>{t("registrations.noBids")}</Paragraph>
      ) : (
        segments
          .filter(({ segment }) => opened.data.bids.some((b) => b.segmentId === segment.id))
          .map(({ lot, segment }) => (
            <div key={segment.id} className="zk-table-scroll">
              <Table className="zk-table">
                <TableCaption>
                  {segment.name} <span className="zk-muted">· {t("structure.lot", { name: lot.name })}</span>
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t("receipt.bidder")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("receipt.version")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("receipt.submittedAt")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("receipt.validUntil")}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="zk-numeric">
                      {t("receipt.files")}
                    </TableHeaderCell>
                    <TableHeaderCell scope="col">SHA-256</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {opened.data.bids
                    .filter((b) => b.segmentId === segment.id)
                    .map((bid) => (
                      <TableRow key={bid.id}>
                        <TableHeaderCell scope="row">
                          <AppLink to={`/bids/${bid.id}`}>{bid.bidderName}</AppLink>
                        </TableHeaderCell>
                        <TableCell>{bid.version}</TableCell>
                        <TableCell>{formatMoment(bid.submittedAt, i18n.language, { seconds: true })}</TableCell>
                        <TableCell>{formatDate(bid.validUntil, i18n.language)}</TableCell>
                        <TableCell className="zk-numeric">{bid.files.length}</TableCell>
                        <TableCell>
                          <code className="zk-code zk-hash zk-hash--short" title={bid.sha256}>
                            {bid.sha256.slice(0, 16)}…
                          </code>
                        </TableCell>
                      </TableRow>
                    ))}
                </TableBody>
              </Table>
            </div>
          ))
      )}
    </section>
  );
}
