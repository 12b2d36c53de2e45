// One bid. A provider edits it (until the closing time) and submits it; staff who may read bids see
// it read-only after the opening. Everything the form needs is loaded here.
import { Heading1, Paragraph } from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api } from "../api.ts";
import { can } from "../policy.ts";
import { requirementsApi } from "../requirements/api.ts";
import { useMe } from "../session.tsx";
import { ErrorAlert } from "../shell/Layout.tsx";
import { usePageTitle } from "../shell/usePageTitle.ts";
import { useResource } from "../useResource.ts";
import { biddingApi } from "./api.ts";
import { applicableRequirements, findSegment, segmentCriteria } from "./applicable.ts";
import { BidDetail } from "./BidDetail.tsx";
import { BidForm } from "./BidForm.tsx";

export function BidPage(): ReactElement {
  const { t } = useTranslation();
  const { bidId = "" } = useParams();
  const { user } = useMe();
  const provider = can.bid(user.role);
  const [data, { reload, set }] = useResource(async () => {
    const bid = await biddingApi.bid(bidId);
    const [tender, asks, files, mine] = await Promise.all([
      api.tender(bid.tenderId),
      requirementsApi.asks(bid.tenderId),
      biddingApi.files(bid.id),
      provider ? biddingApi.myBids(bid.tenderId) : Promise.resolve(null),
    ]);
    return { bid, tender, asks, files, mine };
  }, [bidId, provider]);
  const place = data.status === "ready" ? findSegment(data.data.tender, data.data.bid.segmentId) : null;
  usePageTitle(place ? t("bid.title", { segment: place.segment.name }) : t("bid.titlePlain"));

  if (data.status === "loading") return <Paragraph role="status">{t("app.loading")}</Paragraph>;
  if (data.status === "error" || !place) {
    return (
      <>
        <Heading1>{t("bid.titlePlain")}</Heading1>
        <ErrorAlert message={data.status === "error" ? data.message : t("app.notFoundText")} onRetry={reload} />
      </>
    );
  }
  const { bid, tender, asks, files, mine } = data.data;
  const criteria = segmentCriteria(asks.criteria, bid.segmentId);
  if (!mine) {
    return (
      <BidDetail
        bid={bid}
        tender={tender}
        place={place}
        requirements={applicableRequirements(asks.requirements, place, bid.content.subsegmentIds)}
        criteria={criteria}
        files={files}
      />
    );
  }
  return (
    <BidForm
      key={bid.id}
      bid={bid}
      tender={tender}
      place={place}
      allRequirements={asks.requirements}
      criteria={criteria}
      files={files}
      mine={mine}
      onReplaced={(next) => set({ ...data.data, ...next })}
      onReload={reload}
    />
  );
}
