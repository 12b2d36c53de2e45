// The receipt of one submission: the server's time, the SHA-256 of exactly what was submitted, how
// long the bid stays valid, the files with their hashes, the PDF, and a check that fetches the
// submitted bytes and hashes them in the browser.
import {
  Alert,
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
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { api } from "../api.ts";
import { formatDate, formatMoment } from "../dates.ts";
import { Pending } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { useResource } from "../useResource.ts";
import { biddingApi, hashSubmission, type Receipt } from "./api.ts";
import { findSegment } from "./applicable.ts";

export function ReceiptPage(): ReactElement {
  const { t } = useTranslation();
  const { bidId = "", version = "" } = useParams();
  const location = useLocation();
  const fresh = (location.state as { receipt?: Receipt } | null)?.receipt ?? null;
  const number = Number(version);
  // Just submitted: the receipt came with the answer. Later: rebuilt from the bid's submissions.
  const [data, { reload }] = useResource(async () => {
    if (fresh && fresh.bidId === bidId && fresh.version === number) return fresh;
    const bid = await biddingApi.bid(bidId);
    const submission = bid.submissions.find((s) => s.version === number);
    if (!submission) throw new Error(t("receipt.unknownVersion", { version }));
    const tender = await api.tender(bid.tenderId);
    const receipt: Receipt = {
      bidId,
      version: number,
      submittedAt: submission.submittedAt,
      sha256: submission.sha256,
      validUntil: submission.validUntil,
      tenderName: tender.name,
      segmentName: findSegment(tender, bid.segmentId)?.segment.name ?? "",
      bidderName: bid.bidderName,
      files: [],
    };
    return receipt;
  }, [bidId, number]);
  usePageTitle(t("receipt.title"));

  if (data.status !== "ready") return <Pending resource={data} title={t("receipt.title")} onRetry={reload} />;
  return <ReceiptView receipt={data.data} fresh={fresh !== null} />;
}

function ReceiptView({ receipt, fresh }: { receipt: Receipt; fresh: boolean }): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Heading1>{t("receipt.title")}</Heading1>
      {fresh ? (
        <Alert type="ok" role="status">
          <Paragraph>
            {t("receipt.received", { time: formatMoment(receipt.submittedAt, i18n.language, { seconds: true }) })}
          </Paragraph>
        </Alert>
      ) : null}
      <Paragraph lead>{t("receipt.intro")}</Paragraph>

      <DataList className="zk-facts zk-facts--summary zk-receipt">
        {receipt.tenderName ? (
          <DataListItem>
            <DataListKey>{t("receipt.tender")}</DataListKey>
            <DataListValue>{receipt.tenderName}</DataListValue>
          </DataListItem>
        ) : null}
        {receipt.segmentName ? (
          <DataListItem>
            <DataListKey>{t("bidding.segment")}</DataListKey>
            <DataListValue>{receipt.segmentName}</DataListValue>
          </DataListItem>
        ) : null}
        <DataListItem>
          <DataListKey>{t("receipt.bidder")}</DataListKey>
          <DataListValue>{receipt.bidderName}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("receipt.version")}</DataListKey>
          <DataListValue>{receipt.version}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("receipt.submittedAt")}</DataListKey>
          <DataListValue>
            {formatMoment(receipt.submittedAt, i18n.language, { seconds: true })}
            <span className="zk-muted zk-block">
              <code className="zk-code">{receipt.submittedAt}</code> {t("receipt.serverTime")}
            </span>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t("receipt.validUntil")}</DataListKey>
          <DataListValue>{formatDate(receipt.validUntil, i18n.language)}</DataListValue>
        </DataListItem>
      </DataList>

      <section aria-labelledby="hash-heading" className="zk-section">
        <Heading2 id="hash-heading">{t("receipt.hash")}</Heading2>
        <Paragraph>{t("receipt.hashIntro")}</Paragraph>
        <HashValue id="receipt-sha256" value={receipt.sha256} label={t("receipt.hash")} />
        <HashCheck receipt={receipt} />
      </section>

      <section aria-labelledby="files-heading" className="zk-section">
        <Heading2 id="files-heading">{t("receipt.files")}</Heading2>
        {receipt.files.length === 0 ? (
          <Paragraph>{fresh ? t("receipt.noFiles") : t("receipt.filesInPdf")}</Paragraph>
        ) : (
          <div className="zk-table-scroll">
            <Table className="zk-table">
              <TableCaption className="zk-visually-hidden">{t("receipt.filesCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("files.name")}</TableHeaderCell>
                  <TableHeaderCell scope="col">SHA-256</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {receipt.files.map((file) => (
                  <TableRow key={file.id}>
                    <TableHeaderCell scope="row">
                      <a className="utrecht-link" href={biddingApi.fileUrl(file.id)} download>
                        {file.name}
                      </a>
                    </TableHeaderCell>
                    <TableCell>
                      <code className="zk-code zk-hash">{file.sha256}</code>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="pdf-heading" className="zk-section">
        <Heading2 id="pdf-heading">{t("receipt.pdf")}</Heading2>
        <Paragraph>
          <a
            className="utrecht-link"
            href={biddingApi.receiptPdfUrl(receipt.bidId, receipt.version)}
            download={`ontvangstbewijs-v${receipt.version}.pdf`}
          >
            {t("receipt.downloadPdf", { version: receipt.version })}
          </a>
        </Paragraph>
        <Paragraph>
          <AppLink to={`/bids/${receipt.bidId}`}>{t("receipt.backToBid")}</AppLink>
        </Paragraph>
      </section>
    </>
  );
}

/** A hash in monospace, selectable, with a button that copies it. */
function HashValue({ id, value, label }: { id: string; value: string; label: string }): ReactElement {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="zk-hash-box">
      <code id={id} className="zk-code zk-hash zk-hash--full" title={label}>
        {value}
      </code>
      <Button
        appearance="secondary-action-button"
        aria-describedby={id}
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {t("receipt.copy")}
      </Button>
      <span role="status" className="zk-hint">
        {copied ? t("receipt.copied") : ""}
      </span>
    </div>
  );
}

/** Fetches exactly the submitted bytes, hashes them with the browser's SHA-256 and compares. */
function HashCheck({ receipt }: { receipt: Receipt }): ReactElement {
  const { t } = useTranslation();
  const [result, setResult] = useState<
    { state: "idle" } | { state: "busy" } | { state: "done"; hash: string } | { state: "error"; message: string }
  >({ state: "idle" });

  async function check() {
    setResult({ state: "busy" });
    try {
      setResult({ state: "done", hash: await hashSubmission(receipt.bidId, receipt.version) });
    } catch (error) {
      setResult({ state: "error", message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="zk-hash-check">
      <Paragraph>{t("receipt.checkIntro")}</Paragraph>
      <Button
        appearance="primary-action-button"
        busy={result.state === "busy"}
        disabled={result.state === "busy"}
        onClick={() => void check()}
      >
        {t("receipt.check")}
      </Button>
      <div role="status" aria-live="polite" className="zk-hash-check__result">
        {result.state === "done" ? (
          result.hash === receipt.sha256 ? (
            <Alert type="ok">
              <Paragraph>{t("receipt.matches")}</Paragraph>
              <Paragraph small>
                {t("receipt.computed")} <code className="zk-code zk-hash">{result.hash}</code>
              </Paragraph>
            </Alert>
          ) : (
            <Alert type="error">
              <Paragraph>{t("receipt.mismatch")}</Paragraph>
              <Paragraph small>
                {t("receipt.computed")} <code className="zk-code zk-hash">{result.hash}</code>
              </Paragraph>
            </Alert>
          )
        ) : result.state === "error" ? (
          <Alert type="error">
            <Paragraph>{t("receipt.checkFailed", { message: result.message })}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
