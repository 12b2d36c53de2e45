// Demo qa data for the open tender (issue 5). Idempotent: returns whether it added anything.
//
// Inkoop 2027 takes questions until four weeks after loading. Nota van Inlichtingen 1 is published
// with six answers in categories (two refer to earlier ones); round 2 is planned; a few questions of
// both providers are on their way (new, assigned, drafted), and one was answered to its asker alone.
// Everything goes through the Q&A store, so the audit chain holds every step.
import type { Sql } from "../platform/db.ts";
import type { Role } from "../platform/policy.ts";
import * as qa from "../qa/store.ts";
import { dutchTimeAfter } from "./load.ts";

export interface DemoTenders {
  regionId: string;
  /** Inkoop 2022: the historical tender. */
  tenderId: string;
  /** Inkoop 2027: published, open for bids. */
  openTenderId: string;
  now: Date;
}

const DAY = 24 * 60 * 60 * 1000;
const QUESTION_DAYS = 28;

interface Published {
  asker: "own" | "other";
  category: string;
  question: string;
  answer: string;
  reservation?: boolean;
  /** Numbers of earlier questions the answer refers to. */
  refers?: number[];
}

const ROUND_1: Published[] = [
  {
    asker: "own",
    category: "Planning",
    question: "Wanneer wordt de gunningsleidraad gepubliceerd?",
    answer:
      "De gunningsleidraad wordt gepubliceerd na de selectiebeslissing; de data staan in de planning op het platform.",
  },
  {
    asker: "other",
    category: "Proces van aanbesteden",
    question: "Is dit een Open House-procedure?",
    answer:
      "Nee. Het is een niet-openbare procedure met voorselectie. Per segment is vooraf bekendgemaakt hoeveel aanbieders worden gecontracteerd.",
  },
  {
    asker: "own",
    category: "Inschrijven",
    question: "Mogen wij als onderaannemer bij meerdere hoofdaannemers betrokken zijn?",
    answer:
      "Ja, een onderaannemer mag zich bij meerdere hoofdaannemers aansluiten. Als hoofdaannemer doet u per segment ten hoogste één inschrijving, alleen of in één combinatie.",
  },
  {
    asker: "other",
    category: "Inschrijven",
    question: "Mogen wij in twee combinaties op hetzelfde segment inschrijven?",
    answer: "Wij verwijzen u naar het antwoord op vraag 3.",
    refers: [3],
  },
  {
    asker: "own",
    category: "Bekostiging",
    question: "Hoe wordt de lumpsum per aanbieder bepaald?",
    answer:
      "De lumpsum is per segment het aantal afgesproken unieke cliënten maal het bedrag per unieke cliënt. Het budget wordt jaarlijks opnieuw afgesproken.",
    reservation: true,
  },
  {
    asker: "other",
    category: "Bekostiging",
    question: "Wat gebeurt er als het werkelijke aantal cliënten afwijkt van de afspraak?",
    answer:
      "Binnen de bandbreedte van 3% verandert er niets; daarbuiten wordt het deel buiten de bandbreedte achteraf verrekend. Zie ook het antwoord op vraag 5.",
    refers: [5],
  },
];

async function callerFor(tx: Sql, email: string): Promise<qa.Caller> {
  const [row] = await tx.query<{ id: string; region_id: string; role: Role; organisation_id: string | null }>(
    "select id, region_id, role, organisation_id from users where email = $1",
    [email],
  );
  if (!row) throw new Error(`demo user ${email} is missing`);
  return { id: row.id, email, regionId: row.region_id, role: row.role, organisationId: row.organisation_id };
}

export async function loadQaDemo(tx: Sql, demo: DemoTenders): Promise<boolean> {
  const tenderId = demo.openTenderId;
  const [existing] = await tx.query("select 1 from qa_questions where tender_id = $1 limit 1", [tenderId]);
  if (existing) return false;
  const { now } = demo;
  const officer = await callerFor(tx, "inkoop@achterhoek.example");
  const officer2 = await callerFor(tx, "inkoop2@achterhoek.example");
  const expert = await callerFor(tx, "beoordelaar@achterhoek.example");
  const providers = {
    own: await callerFor(tx, "aanbieder@zorgpartners.example"),
    other: await callerFor(tx, "aanbieder@jeugdhulp-oost.example"),
  };
  const tender = await qa.qaTender(tx, demo.regionId, tenderId);
  await qa.saveSettings(
    tx,
    officer,
    tenderId,
    {
      // At noon Dutch time, like the closing time, four weeks after loading.
      questionsCloseAt: dutchTimeAfter(now, QUESTION_DAYS, "12:00").toISOString(),
      lastRoundMinDays: tender.lastRoundMinDays,
      openWarningDays: tender.openWarningDays,
    },
    now,
  );
  const askOne = async (who: qa.Caller, text: string) => (await qa.ask(tx, who, tenderId, [{ text }], now))[0]!;

  // Round 1: asked, numbered, drafted by the content expert or the second officer, approved, published.
  const byNumber = new Map<number, string>();
  for (const [index, item] of ROUND_1.entries()) {
    const number = index + 1;
    const id = await askOne(providers[item.asker], item.question);
    byNumber.set(number, id);
    await qa.triage(tx, officer, id, { number, category: item.category }, now);
    await qa.assign(tx, officer, id, expert.id, () => true, now);
    await qa.draft(
      tx,
      expert,
      false,
      id,
      {
        answer: item.answer,
        reservation: item.reservation ?? false,
        references: (item.refers ?? []).map((n) => byNumber.get(n)!),
      },
      now,
    );
    await qa.approve(tx, officer, id, now);
  }
  const round1 = await qa.createRound(tx, officer, tenderId, {}, now);
  // No in-app notifications in the demo: the providers' notification lists start empty, as other demos expect.
  await qa.publishRound(tx, officer2, round1.id, now, async () => {});
  await qa.createRound(
    tx,
    officer,
    tenderId,
    { plannedOn: new Date(now.getTime() + 35 * DAY).toISOString().slice(0, 10) },
    now,
  );

  // On their way: new, assigned, drafted (waiting for the second officer).
  await askOne(providers.own, "Kunnen wij de KPI-voorstellen per segment of per subsegment indienen?");
  const assigned = await askOne(providers.other, "Geldt de referentie-eis per segment of per subsegment?");
  await qa.triage(tx, officer, assigned, { number: 7, category: "Selectiefase" }, now);
  await qa.assign(tx, officer, assigned, expert.id, () => true, now);
  const drafted = await askOne(providers.other, "Telt stabilisatie van een cliënt mee als resultaat?");
  await qa.triage(tx, officer, drafted, { number: 8, category: "KPI's en resultaatsturing" }, now);
  await qa.assign(tx, officer, drafted, expert.id, () => true, now);
  await qa.draft(
    tx,
    expert,
    false,
    drafted,
    {
      answer: "Ja. Stabilisatie kan als resultaat gelden wanneer dat het doel van de ondersteuning is.",
      reservation: true,
      references: [],
    },
    now,
  );

  // Answered to the asker alone: it concerns only its own registration.
  const own = await askOne(providers.own, "Klopt het dat onze AGB-code nog niet in onze registratie staat?");
  await qa.triage(
    tx,
    officer,
    own,
    { visibility: "private", privateReason: "Betreft alleen de eigen registratie van de vrager" },
    now,
  );
  await qa.draft(
    tx,
    officer2,
    true,
    own,
    {
      answer: "Dat klopt; u kunt de AGB-code toevoegen bij de gegevens van uw organisatie.",
      reservation: false,
      references: [],
    },
    now,
  );
  await qa.approve(tx, officer, own, now);
  return true;
}
