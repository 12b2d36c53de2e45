// The versions a bid was submitted in: time, SHA-256, valid until, withdrawn; each with its receipt.
import {
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
import { formatDate, formatMoment } from "../dates.ts";
import { AppLink } from "../shell/links.tsx";
import type { Submission } from "./api.ts";

export function Submissions(props: { bidId: string; submissions: Submission[]; receipts?: boolean }): ReactElement {
  const { t, i18n } = useTranslation();
  const receipts = props.receipts ?? true;
  // The last submission that was not withdrawn counts; earlier ones were replaced by it.
  const counting = Math.max(0, ...props.submissions.filter((s) => !s.withdrawnAt).map((s) => s.version));
  return (
    <div className="zk-table-scroll">
      <Table className="zk-table">
        <TableCaption className="zk-visually-hidden">{t("bid.submissionsCaption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("receipt.version")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("receipt.submittedAt")}</TableHeaderCell>
            <TableHeaderCell scope="col">SHA-256</TableHeaderCell>
            <TableHeaderCell scope="col">{t("receipt.validUntil")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("bidding.status")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...props.submissions].reverse().map((submission) => (
            <TableRow key={submission.version}>
              <TableHeaderCell scope="row">
                {receipts ? (
                  <AppLink to={`/bids/${props.bidId}/receipts/${submission.version}`}>
                    {t("receipt.versionLink", { version: submission.version })}
                  </AppLink>
                ) : (
                  submission.version
                )}
              </TableHeaderCell>
              <TableCell>{formatMoment(submission.submittedAt, i18n.language, { seconds: true })}</TableCell>
              <TableCell>
                <code className="zk-code zk-hash zk-hash--short" title={submission.sha256}>
                  {submission.sha256.slice(0, 16)}…
                </code>
              </TableCell>
              <TableCell>{formatDate(submission.validUntil, i18n.language)}</TableCell>
              <TableCell>
                {submission.withdrawnAt
                  ? t("bid.withdrawnAt", { time: formatMoment(submission.withdrawnAt, i18n.language) })
                  : submission.version === counting
                    ? t("bid.counts")
                    : t("bid.replaced")}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
