// A bid read-only, as officers and assessors see it after the opening: what it covers, the answers,
// the dossier, references, subcontractors, the submitted versions, and the files to download.
import {
  Heading1,
  Heading2,
  Heading3,
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
import { formatSize, type StoredFile } from "../files/upload.ts";
import type { Criterion, Requirement } from "../requirements/api.ts";
import { AppLink } from "../shell/links.tsx";
import { type Bid, type BidContent, biddingApi } from "./api.ts";
import type { SegmentPlace } from "./applicable.ts";
import { Submissions } from "./Submissions.tsx";

interface Props {
  bid: Bid;
  tender: Tender;
  place: SegmentPlace;
  requirements: Requirement[];
  criteria: Criterion[];
  files: StoredFile[];
}

export function BidDetail({ bid, tender, place, requirements, criteria, files }: Props): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <Heading1>{t("bidDetail.title", { bidder: bid.bidderName, segment: place.segment.name })}</Heading1>
      <Paragraph lead>{t("bidDetail.intro", { tender: tender.name, lot: place.lotName })}</Paragraph>
      <Paragraph>
        <AppLink to={`/tenders/${tender.id}/bids`}>{t("bidDetail.back")}</AppLink>
      </Paragraph>

      <section aria-labelledby="versions-heading" className="zk-section">
        <Heading2 id="versions-heading">{t("bid.submissions")}</Heading2>
        <Submissions bidId={bid.id} submissions={bid.submissions} receipts={false} />
      </section>

      <BidContentView
        content={bid.content}
        tender={tender}
        place={place}
        requirements={requirements}
        criteria={criteria}
        files={files}
      />
    </>
  );
}

/** What a bid says, read-only: for staff after the opening, and for its provider once it cannot change. */
export function BidContentView(props: {
  content: BidContent;
  tender: Tender;
  place: SegmentPlace;
  requirements: Requirement[];
  criteria: Criterion[];
  files: StoredFile[];
}): ReactElement {
  const { content, tender, place, requirements, criteria, files } = props;
  const { t, i18n } = useTranslation();
  const byId = new Map(files.map((f) => [f.id, f]));
  const names = (ids: string[], all: { id: string; name: string }[]) =>
    all.filter((x) => ids.includes(x.id)).map((x) => x.name);
  const fileLinks = (ids: string[]) =>
    ids.length === 0 ? (
      "—"
    ) : (
      <ul className="zk-plain-list">
        {ids.map((id) => (
          <li key={id}>
            <a className="utrecht-link" href={biddingApi.fileUrl(id)} download>
              {byId.get(id)?.name ?? t("files.unknown")}
            </a>
          </li>
        ))}
      </ul>
    );

  return (
    <>
      <section aria-labelledby="covers-heading" className="zk-section">
        <Heading2 id="covers-heading">{t("bidDetail.covers")}</Heading2>
        <Heading3>{t("bid.subsegments")}</Heading3>
        <Paragraph>{names(content.subsegmentIds, place.segment.subsegments).join(", ") || "—"}</Paragraph>
        <Heading3>{t("bid.municipalities")}</Heading3>
        <Paragraph>{names(content.municipalityIds, tender.municipalities).join(", ") || "—"}</Paragraph>
        <Heading3>{t("bid.specialisms")}</Heading3>
        <Paragraph>{content.specialisms.join(", ") || "—"}</Paragraph>
      </section>

      <section aria-labelledby="answers-heading" className="zk-section">
        <Heading2 id="answers-heading">{t("bid.requirements")}</Heading2>
        <div className="zk-table-scroll">
          <Table className="zk-table">
            <TableCaption className="zk-visually-hidden">{t("bidDetail.answersCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("requirements.code")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("bidDetail.answer")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("bidDetail.evidence")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("receipt.files")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {requirements.map((requirement) => {
                const answer = content.requirementAnswers.find((a) => a.requirementId === requirement.id);
                return (
                  <TableRow key={requirement.id}>
                    <TableHeaderCell scope="row">
                      {requirement.code}
                      <span className="zk-muted zk-block zk-prewrap">{requirement.text}</span>
                    </TableHeaderCell>
                    <TableCell>
                      {requirement.kind === "reference"
                        ? t("bidDetail.byReference")
                        : answer
                          ? answer.met
                            ? t("bid.yes")
                            : t("bid.no")
                          : t("bidDetail.noAnswer")}
                    </TableCell>
                    <TableCell className="zk-prewrap">{answer?.evidence || "—"}</TableCell>
                    <TableCell>{fileLinks(answer?.fileIds ?? [])}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="dossier-heading" className="zk-section">
        <Heading2 id="dossier-heading">{t("bid.dossier")}</Heading2>
        {criteria.map((criterion) => {
          const entry = content.dossier.find((d) => d.criterionId === criterion.id);
          return (
            <div key={criterion.id} className="zk-answer">
              <Heading3>
                {t("bid.criterion", { letter: criterion.letter, title: criterion.title })}
                <span className="zk-tag zk-tag--light">{t("requirements.weight", { weight: criterion.weight })}</span>
              </Heading3>
              <p className="zk-prewrap">{entry?.text || t("bidDetail.noAnswer")}</p>
              {fileLinks(entry?.fileIds ?? [])}
            </div>
          );
        })}
      </section>

      <section aria-labelledby="references-heading" className="zk-section">
        <Heading2 id="references-heading">{t("bid.references")}</Heading2>
        {content.references.length === 0 ? (
          <Paragraph>—</Paragraph>
        ) : (
          <div className="zk-table-scroll">
            <Table className="zk-table">
              <TableCaption className="zk-visually-hidden">{t("bid.references")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("bid.referenceClient")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("bid.referenceDescription")}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="zk-numeric">
                    {t("bid.referenceClientsServed")}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">{t("bid.referencePeriod")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {content.references.map((reference, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: references have no identity beyond their order.
                  <TableRow key={index}>
                    <TableHeaderCell scope="row">{reference.client}</TableHeaderCell>
                    <TableCell className="zk-prewrap">{reference.description}</TableCell>
                    <TableCell className="zk-numeric">{reference.clientsServed}</TableCell>
                    <TableCell>{reference.period}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="subcontractors-heading" className="zk-section">
        <Heading2 id="subcontractors-heading">{t("bid.subcontractors")}</Heading2>
        {content.subcontractors.length === 0 ? (
          <Paragraph>{t("bid.noSubcontractors")}</Paragraph>
        ) : (
          <div className="zk-table-scroll">
            <Table className="zk-table">
              <TableCaption className="zk-visually-hidden">{t("bid.subcontractors")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("organisation.name")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("organisation.kvkNumber")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("bid.subcontractorRole")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {content.subcontractors.map((sub) => (
                  <TableRow key={sub.kvkNumber}>
                    <TableHeaderCell scope="row">{sub.name}</TableHeaderCell>
                    <TableCell>{sub.kvkNumber}</TableCell>
                    <TableCell>{sub.role}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="all-files-heading" className="zk-section">
        <Heading2 id="all-files-heading">{t("bidDetail.files")}</Heading2>
        {files.length === 0 ? (
          <Paragraph>—</Paragraph>
        ) : (
          <div className="zk-table-scroll">
            <Table className="zk-table">
              <TableCaption className="zk-visually-hidden">{t("bidDetail.files")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("files.name")}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="zk-numeric">
                    {t("files.size")}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">SHA-256</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {files.map((file) => (
                  <TableRow key={file.id}>
                    <TableHeaderCell scope="row">
                      <a className="utrecht-link" href={biddingApi.fileUrl(file.id)} download>
                        {file.name}
                      </a>
                    </TableHeaderCell>
                    <TableCell className="zk-numeric">{formatSize(file.sizeBytes, i18n.language)}</TableCell>
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
    </>
  );
}
