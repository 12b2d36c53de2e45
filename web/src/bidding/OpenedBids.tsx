// After the opening: the bids per segment, each with its last submission, linking to the bid.
import {
  Heading2,
  Paragraph,
  StatusBadge,
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
import { formatMoment } from "../dates.ts";
import { ErrorAlert } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { useResource } from "../useResource.ts";
import { biddingApi } from "./api.ts";

export function OpenedBids({ tender }: { tender: Tender }): ReactElement {
  const { t, i18n } = useTranslation();
  const [bids, { reload }] = useResource(() => biddingApi.openedBids(tender.id), [tender.id]);
  const segments = tender.lots.flatMap((lot) => lot.segments.map((segment) => ({ lot, segment })));

  return (
    <section aria-labelledby="bids-heading" className="zk-section">
      <Heading2 id="bids-heading">{t("registrations.bids")}</Heading2>
      {bids.status === "loading" ? (
        <Paragraph role="status">{t("app.loading")}</Paragraph>
      ) : bids.status === "error" ? (
        <ErrorAlert message={bids.message} onRetry={reload} />
      ) : bids.data.length === 0 ? (
        <Paragraph>{t("registrations.noBids")}</Paragraph>
      ) : (
        segments
          .filter(({ segment }) => bids.data.some((b) => b.segmentId === segment.id))
          .map(({ lot, segment }) => (
            <div key={segment.id} className="zk-table-scroll">
              <Table className="zk-table">
                <TableCaption>
                  {segment.name} <span className="zk-muted">· {t("structure.lot", { name: lot.name })}</span>
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t("receipt.bidder")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("bidding.status")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("receipt.submittedAt")}</TableHeaderCell>
                    <TableHeaderCell scope="col">SHA-256</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {bids.data
                    .filter((b) => b.segmentId === segment.id)
                    .map((bid) => (
                      <TableRow key={bid.id}>
                        <TableHeaderCell scope="row">
                          <AppLink to={`/bids/${bid.id}`}>{bid.bidderName}</AppLink>
                        </TableHeaderCell>
                        <TableCell>
                          <StatusBadge status={bid.status === "submitted" ? "active" : "inactive"}>
                            {t(`bidStatus.${bid.status}`)}
                          </StatusBadge>
                        </TableCell>
                        <TableCell>
                          {bid.lastSubmission
                            ? `${t("receipt.versionLink", { version: bid.lastSubmission.version })}, ${formatMoment(bid.lastSubmission.submittedAt, i18n.language, { seconds: true })}`
                            : "—"}
                        </TableCell>
                        <TableCell>
                          {bid.lastSubmission ? (
                            <code className="zk-code zk-hash" title={bid.lastSubmission.sha256}>
                              {bid.lastSubmission.sha256.slice(0, 16)}…
                            </code>
                          ) : (
                            "—"
                          )}
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
