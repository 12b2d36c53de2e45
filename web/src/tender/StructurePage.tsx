// The structure of one tender as an accessible tree: lot → segment → subsegment, with financing,
// contract start and number to select, and the participating municipalities.
import {
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
import { useParams } from "react-router";
import { api, type Tender } from "../api.ts";
import { can } from "../policy.ts";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { useResource } from "../useResource.ts";
import { SegmentItem } from "./SegmentItem.tsx";
import { TenderNav } from "./TenderNav.tsx";

export function StructurePage(): ReactElement {
  const { t } = useTranslation();
  const { tenderId = "" } = useParams();
  const { user } = useMe();
  const [tender, { reload, set }] = useResource(() => api.tender(tenderId), [tenderId]);
  const [announcement, setAnnouncement] = useState("");
  usePageTitle(tender.status === "ready" ? t("structure.title", { name: tender.data.name }) : t("nav.structure"));

  if (tender.status !== "ready") return <Pending resource={tender} title={t("nav.structure")} onRetry={reload} />;

  const saved = (next: Tender, message: string) => {
    set(next);
    setAnnouncement(message);
  };
  return (
    <Structure tender={tender.data} editable={can.editTender(user.role)} onSaved={saved} announcement={announcement} />
  );
}

interface StructureProps {
  tender: Tender;
  editable: boolean;
  announcement: string;
  onSaved(tender: Tender, message: string): void;
}

function Structure({ tender, editable, announcement, onSaved }: StructureProps): ReactElement {
  const { t } = useTranslation();
  const counts = tender.counts;
  return (
    <>
      <Heading1>{t("structure.title", { name: tender.name })}</Heading1>
      <TenderNav tenderId={tender.id} />
      <Paragraph lead>{t("structure.intro")}</Paragraph>
      <div role="status" aria-live="polite" className="zk-announce">
        {announcement ? <p className="zk-saved">{announcement}</p> : null}
      </div>

      <section aria-labelledby="summary-heading" className="zk-section">
        <Heading2 id="summary-heading" className="zk-visually-hidden">
          {t("structure.summary")}
        </Heading2>
        <DataList className="zk-facts zk-facts--summary">
          <DataListItem>
            <DataListKey>{t("tenders.procedure")}</DataListKey>
            <DataListValue>{t(`procedure.${tender.procedure}`)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("tenders.regime")}</DataListKey>
            <DataListValue>{t(`regime.${tender.regime}`)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("structure.tree")}</DataListKey>
            <DataListValue>
              {t("tenders.counts", { lots: counts.lots, segments: counts.segments, subsegments: counts.subsegments })}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("structure.contract")}</DataListKey>
            <DataListValue>
              {t("structure.contractTerm", {
                initial: tender.contract.initialYears,
                extensions: tender.contract.extensions,
                extensionYears: tender.contract.extensionYears,
                max: tender.contract.maxYears,
              })}
            </DataListValue>
          </DataListItem>
        </DataList>
        {!editable ? <p className="zk-muted">{t("structure.readOnly")}</p> : null}
      </section>

      <ul className="zk-tree" aria-label={t("structure.tree")}>
        {tender.lots.map((lot) => (
          <li key={lot.id} className="zk-lot">
            <Heading2 id={`lot-${lot.id}`} className="zk-lot__name">
              {t("structure.lot", { name: lot.name })}
            </Heading2>
            <ul className="zk-segments">
              {lot.segments.map((segment) => (
                <SegmentItem
                  key={segment.id}
                  tenderId={tender.id}
                  segment={segment}
                  editable={editable}
                  onSaved={onSaved}
                />
              ))}
            </ul>
          </li>
        ))}
      </ul>

      <section aria-labelledby="municipalities-heading" className="zk-section">
        <Heading2 id="municipalities-heading">{t("structure.municipalities")}</Heading2>
        <div className="zk-table-scroll">
          <Table className="zk-table zk-table--compact">
            <TableCaption className="zk-visually-hidden">{t("structure.municipalitiesCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("structure.municipality")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("structure.cbsCode")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tender.municipalities.map((m) => (
                <TableRow key={m.id}>
                  <TableHeaderCell scope="row">{m.name}</TableHeaderCell>
                  <TableCell>
                    <code className="zk-code">{m.cbsCode}</code>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>
    </>
  );
}
