// "Inschrijvingen": the officers' view of a tender's bids. Before the closing time only who has
// registered, how many bids exist and the extensions, with the form to extend; after it the
// two-officer opening; after the opening the bids per segment.
import {
  Alert,
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
import { formatMoment } from "../dates.ts";
import { can } from "../policy.ts";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { NotFound } from "../shell/NotFound.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { TenderNav } from "../tender/TenderNav.tsx";
import { useResource } from "../useResource.ts";
import { biddingApi, type Registrations } from "./api.ts";
import { ClosingTime, useServerNow } from "./Countdown.tsx";
import { ExtensionForm } from "./ExtensionForm.tsx";
import { OpenedBids } from "./OpenedBids.tsx";
import { OpeningPanel } from "./OpeningPanel.tsx";

export function RegistrationsPage(): ReactElement {
  const { user } = useMe();
  return can.seeRegistrations(user.role) ? <RegistrationsView /> : <NotFound />;
}

function RegistrationsView(): ReactElement {
  const { t } = useTranslation();
  const { tenderId = "" } = useParams();
  const [data, { reload, set }] = useResource(async () => {
    const [tender, registrations] = await Promise.all([api.tender(tenderId), biddingApi.registrations(tenderId)]);
    return { tender, registrations };
  }, [tenderId]);
  const [announcement, setAnnouncement] = useState("");
  usePageTitle(data.status === "ready" ? t("registrations.title", { name: data.data.tender.name }) : t("nav.bids"));

  if (data.status !== "ready") return <Pending resource={data} title={t("nav.bids")} onRetry={reload} />;
  const { tender } = data.data;
  // After a change, read the registrations again without leaving the page, so the focus stays put.
  const changed = async (message: string) => {
    set({ tender, registrations: await biddingApi.registrations(tenderId) });
    setAnnouncement(message);
  };
  return <View {...data.data} announcement={announcement} onChanged={changed} />;
}

interface ViewProps {
  tender: Tender;
  registrations: Registrations;
  announcement: string;
  onChanged(message: string): Promise<void>;
}

function View(props: ViewProps): ReactElement {
  const { tender, registrations } = props;
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const now = useServerNow(registrations.opening.serverTime);
  const { announcement, onChanged } = props;
  const closesAt = registrations.closesAt;
  const closed = registrations.opening.closed || (closesAt !== null && Date.parse(closesAt) <= now);
  const opened = registrations.openedAt !== null;

  return (
    <>
      <Heading1>{t("registrations.title", { name: tender.name })}</Heading1>
      <TenderNav tenderId={tender.id} />
      <Paragraph lead>{opened ? t("registrations.introOpened") : t("registrations.intro")}</Paragraph>
      <div role="status" aria-live="polite" className="zk-announce">
        {announcement ? <p className="zk-saved">{announcement}</p> : null}
      </div>

      <section aria-labelledby="closing-heading" className="zk-section zk-panel">
        <Heading2 id="closing-heading">{t("bidding.closing")}</Heading2>
        <ClosingTime closesAt={closesAt} serverTime={registrations.opening.serverTime} />
        <DataList className="zk-facts">
          <DataListItem>
            <DataListKey>{t("registrations.registered")}</DataListKey>
            <DataListValue>{registrations.registrations.length}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("registrations.bidCount")}</DataListKey>
            <DataListValue>{registrations.bidCount}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t("registrations.submittedCount")}</DataListKey>
            <DataListValue>{registrations.submittedCount}</DataListValue>
          </DataListItem>
          {opened && registrations.openedAt ? (
            <DataListItem>
              <DataListKey>{t("registrations.openedAt")}</DataListKey>
              <DataListValue>{formatMoment(registrations.openedAt, i18n.language)}</DataListValue>
            </DataListItem>
          ) : null}
        </DataList>
        {!opened ? <p className="zk-hint">{t("registrations.sealed")}</p> : null}
      </section>

      {closed && !opened ? (
        <OpeningPanel tenderId={tender.id} opening={registrations.opening} onChanged={onChanged} />
      ) : null}

      {opened ? (
        can.readBids(user.role) ? (
          <OpenedBids tender={tender} />
        ) : (
          <Alert type="info">
            <Paragraph>{t("registrations.notForRole")}</Paragraph>
          </Alert>
        )
      ) : null}

      <section aria-labelledby="registrations-heading" className="zk-section">
        <Heading2 id="registrations-heading">
          {t("registrations.list")} <span className="zk-count">({registrations.registrations.length})</span>
        </Heading2>
        {registrations.registrations.length === 0 ? (
          <Paragraph>{t("registrations.none")}</Paragraph>
        ) : (
          <div className="zk-table-scroll">
            <Table className="zk-table">
              <TableCaption className="zk-visually-hidden">{t("registrations.caption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("organisation.name")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("registrations.registeredAt")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {registrations.registrations.map((r) => (
                  <TableRow key={r.organisationId}>
                    <TableHeaderCell scope="row">{r.name}</TableHeaderCell>
                    <TableCell>{formatMoment(r.registeredAt, i18n.language)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="extensions-heading" className="zk-section">
        <Heading2 id="extensions-heading">{t("registrations.extensions")}</Heading2>
        {registrations.extensions.length === 0 ? (
          <Paragraph>{t("registrations.noExtensions")}</Paragraph>
        ) : (
          <div className="zk-table-scroll">
            <Table className="zk-table">
              <TableCaption className="zk-visually-hidden">{t("registrations.extensionsCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("registrations.extendedAt")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("registrations.previous")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("registrations.newClosing")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("registrations.reason")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {registrations.extensions.map((e) => (
                  <TableRow key={e.extendedAt}>
                    <TableHeaderCell scope="row">{formatMoment(e.extendedAt, i18n.language)}</TableHeaderCell>
                    <TableCell>{formatMoment(e.previousClosesAt, i18n.language)}</TableCell>
                    <TableCell>{formatMoment(e.closesAt, i18n.language)}</TableCell>
                    <TableCell className="zk-prewrap">{e.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {can.extendClosing(user.role) && closesAt && !closed ? (
          <ExtensionForm tenderId={tender.id} closesAt={closesAt} onExtended={onChanged} />
        ) : null}
      </section>
    </>
  );
}
