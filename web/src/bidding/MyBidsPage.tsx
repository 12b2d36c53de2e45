// "Inschrijven": a provider's view of one tender: the closing time counting down by the server's
// clock, registering for the tender, and per segment the state of its bid, with a way to start one.
import {
  Alert,
  Button,
  Heading1,
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
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { api } from "../api.ts";
import { formatMoment } from "../dates.ts";
import { refusalText, SelectField } from "../forms.tsx";
import { can } from "../policy.ts";
import { useMe } from "../session.tsx";
import { Pending } from "../shell/Layout.tsx";
import { AppLink } from "../shell/links.tsx";
import { NotFound } from "../shell/NotFound.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { TenderNav } from "../tender/TenderNav.tsx";
import { useResource } from "../useResource.ts";
import { type BidSummary, biddingApi, type MyBids } from "./api.ts";
import { ClosingTime } from "./Countdown.tsx";

export function MyBidsPage(): ReactElement {
  const { user } = useMe();
  return can.bid(user.role) ? <MyBidsView /> : <NotFound />;
}

function MyBidsView(): ReactElement {
  const { t } = useTranslation();
  const { tenderId = "" } = useParams();
  const [data, { reload }] = useResource(async () => {
    const [tender, bids] = await Promise.all([api.tender(tenderId), biddingApi.myBids(tenderId)]);
    return { tender, bids };
  }, [tenderId]);
  usePageTitle(data.status === "ready" ? t("bidding.title", { name: data.data.tender.name }) : t("nav.bid"));

  if (data.status !== "ready") return <Pending resource={data} title={t("nav.bid")} onRetry={reload} />;
  const { tender, bids } = data.data;
  return (
    <>
      <Heading1>{t("bidding.title", { name: tender.name })}</Heading1>
      <TenderNav tenderId={tender.id} />
      <Paragraph lead>{t("bidding.intro")}</Paragraph>
      <Bidding tenderId={tender.id} bids={bids} onChanged={reload} />
    </>
  );
}

function Bidding({ tenderId, bids, onChanged }: { tenderId: string; bids: MyBids; onChanged(): void }): ReactElement {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [bidderId, setBidderId] = useState(bids.actingAs[0]?.organisationId ?? "");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closedNow, setClosedNow] = useState(false);
  const open = bids.open && !closedNow;

  async function register() {
    setBusy("register");
    setError(null);
    try {
      await biddingApi.register(tenderId);
      onChanged();
    } catch (e) {
      setError(refusalText(e, t));
      setBusy(null);
    }
  }

  async function start(segmentId: string) {
    setBusy(segmentId);
    setError(null);
    try {
      const bid = await biddingApi.createBid(tenderId, segmentId, bidderId || undefined);
      navigate(`/bids/${bid.id}`);
    } catch (e) {
      setError(refusalText(e, t));
      setBusy(null);
    }
  }

  const lots = [...new Set(bids.segments.map((s) => s.lotName))];
  return (
    <>
      <section aria-labelledby="closing-heading" className="zk-section zk-panel">
        <Heading2 id="closing-heading">{t("bidding.closing")}</Heading2>
        {bids.publishedAt ? (
          <ClosingTime closesAt={bids.closesAt} serverTime={bids.serverTime} onClosed={() => setClosedNow(true)} />
        ) : (
          <Paragraph>{t("bidding.notPublished")}</Paragraph>
        )}
        <Paragraph>{t("bidding.validity", { count: bids.bidValidDays })}</Paragraph>
      </section>

      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="registration-heading" className="zk-section">
        <Heading2 id="registration-heading">{t("bidding.registration")}</Heading2>
        {bids.registered ? (
          <Paragraph>
            <StatusBadge status="active">{t("bidding.registered")}</StatusBadge>
          </Paragraph>
        ) : (
          <>
            <Paragraph>{t("bidding.registerIntro")}</Paragraph>
            <Button
              appearance="primary-action-button"
              disabled={!open || busy !== null}
              busy={busy === "register"}
              onClick={() => void register()}
            >
              {t("bidding.register")}
            </Button>
          </>
        )}
      </section>

      <section aria-labelledby="segments-heading" className="zk-section">
        <Heading2 id="segments-heading">{t("bidding.segments")}</Heading2>
        <Paragraph>{t("bidding.segmentsIntro")}</Paragraph>
        {bids.actingAs.length > 1 ? (
          <SelectField
            id="acting-as"
            label={t("bidding.actingAs")}
            value={bidderId}
            onChange={setBidderId}
            options={bids.actingAs.map((a) => ({
              value: a.organisationId,
              label: a.isCombination ? t("bidding.asCombination", { name: a.name }) : a.name,
            }))}
          />
        ) : null}
        {lots.map((lot) => (
          <div key={lot} className="zk-table-scroll">
            <Table className="zk-table zk-table--segments">
              <TableCaption>{t("structure.lot", { name: lot })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t("bidding.segment")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("bidding.status")}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t("users.actions")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {bids.segments
                  .filter((s) => s.lotName === lot)
                  .map((segment) => (
                    <TableRow key={segment.segmentId}>
                      <TableHeaderCell scope="row">{segment.name}</TableHeaderCell>
                      <TableCell>
                        <BidState bid={segment.bid} />
                      </TableCell>
                      <TableCell>
                        {segment.bid ? (
                          <AppLink to={`/bids/${segment.bid.id}`}>
                            {open ? t("bidding.openBid") : t("bidding.viewBid")}
                            <span className="zk-visually-hidden"> {segment.name}</span>
                          </AppLink>
                        ) : open && bids.registered ? (
                          <Button
                            appearance="secondary-action-button"
                            disabled={busy !== null}
                            busy={busy === segment.segmentId}
                            onClick={() => void start(segment.segmentId)}
                          >
                            {t("bidding.startBid")}
                            <span className="zk-visually-hidden"> {segment.name}</span>
                          </Button>
                        ) : (
                          <span className="zk-muted">{open ? t("bidding.registerFirst") : "—"}</span>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </div>
        ))}
      </section>
    </>
  );
}

export function BidState({ bid }: { bid: BidSummary | null }): ReactElement {
  const { t, i18n } = useTranslation();
  if (!bid) return <span className="zk-muted">{t("bidding.noBid")}</span>;
  const last = bid.lastSubmission;
  return (
    <>
      <StatusBadge status={bid.status === "submitted" ? "active" : bid.status === "withdrawn" ? "inactive" : "warning"}>
        {t(`bidStatus.${bid.status}`)}
      </StatusBadge>
      {bid.status === "submitted" && last ? (
        <span className="zk-muted zk-block">
          {t("bidding.submittedVersion", {
            version: last.version,
            time: formatMoment(last.submittedAt, i18n.language),
          })}
        </span>
      ) : null}
    </>
  );
}
