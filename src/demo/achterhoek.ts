// The reference case as data: Sociaal Domein Achterhoek and its "Inkoop 2022" (../shared/DOMAIN.md,
// drawn from the region's information sheet). Another region is loaded the same way from its own data.
import type { LegalForm } from "../organisations/rules.ts";
import type { Financing, MilestoneKind } from "../tender/types.ts";

export const DEMO_PASSWORD = "Zorginkoop-demo-2022";

export const region = {
  slug: "achterhoek",
  name: "Sociaal Domein Achterhoek",
  theme: { primary: "#005a52", accent: "#c8102e" },
  municipalities: [
    { cbsCode: "GM0197", name: "Aalten" },
    { cbsCode: "GM1859", name: "Berkelland" },
    { cbsCode: "GM1876", name: "Bronckhorst" },
    { cbsCode: "GM0222", name: "Doetinchem" },
    { cbsCode: "GM1955", name: "Montferland" },
    { cbsCode: "GM1586", name: "Oost Gelre" },
    { cbsCode: "GM1509", name: "Oude IJsselstreek" },
    { cbsCode: "GM0294", name: "Winterswijk" },
  ],
};

export interface DemoOrganisation {
  name: string;
  legalForm: LegalForm;
  /** Invented 8-digit numbers: the demo names no real registration. */
  kvkNumber: string;
  agbCode: string | null;
  contacts: { name: string; role: string; email: string; phone: string }[];
}

export const organisations: DemoOrganisation[] = [
  {
    name: "Zorgpartners Achterhoek",
    legalForm: "stichting",
    kvkNumber: "41087234",
    agbCode: "98104572",
    contacts: [
      { name: "Anke Wolters", role: "Contractmanager", email: "contract@zorgpartners.example", phone: "0314 000 101" },
    ],
  },
  {
    name: "Jeugdhulp Oost B.V.",
    legalForm: "bv",
    kvkNumber: "73529016",
    agbCode: null,
    contacts: [
      { name: "Ruben Hoving", role: "Directeur", email: "directie@jeugdhulp-oost.example", phone: "0543 000 202" },
    ],
  },
];

export interface SegmentData {
  code: string;
  name: string;
  formerName?: string;
  financing: Financing;
  contractStart: string;
  subsegments: { code: string; name: string; financing?: Financing; description?: string }[];
}

/** The number to select per segment is fixed and published in the guide; the sources do not state it, so it is left open. */
export const tender = {
  name: "Inkoop 2022",
  procedure: "restricted" as const,
  regime: "light" as const,
  lots: [
    {
      code: "jeugd",
      name: "Jeugd",
      segments: [
        {
          code: "jeugd-iaj",
          name: "Integrale Ambulante Jeugdhulp",
          financing: "lumpsum",
          contractStart: "2022-01-01",
          subsegments: [
            { code: "iaj-persoonlijke-verzorging", name: "Persoonlijke Verzorging" },
            { code: "iaj-ondersteuning", name: "Ondersteuning" },
            { code: "iaj-behandeling", name: "Behandeling" },
            { code: "iaj-ambulante-spoedhulp", name: "Ambulante Spoedhulp" },
          ],
        },
        {
          code: "jeugd-gwv",
          name: "Gezins- en Woonvormen",
          financing: "lumpsum",
          contractStart: "2022-01-01",
          subsegments: [
            { code: "gwv-wonen-zelfstandigheid", name: "Wonen gericht op zelfstandigheid" },
            { code: "gwv-verblijf-groep", name: "Verblijf Groep" },
            { code: "gwv-gezinshuiszorg", name: "Gezinshuiszorg" },
            { code: "gwv-pleegzorg", name: "Pleegzorg" },
          ],
        },
        {
          code: "jeugd-hcwv",
          name: "Hoog Complex Weinig Voorkomend Met Verblijf",
          formerName: "Hoog Specialistische Jeugdhulp",
          financing: "lumpsum",
          contractStart: "2022-01-01",
          subsegments: [
            { code: "hcwv-jeugdzorgplus", name: "Jeugdzorgplus" },
            { code: "hcwv-verblijf-complex", name: "Verblijf Complex" },
            { code: "hcwv-ggz-crisiszorg", name: "GGZ Crisiszorg" },
          ],
        },
        {
          code: "jeugd-dyslexie",
          name: "Dyslexiezorg",
          financing: "population_budget",
          contractStart: "2021-08-01",
          subsegments: [],
        },
      ] as SegmentData[],
    },
    {
      code: "wmo",
      name: "Wmo",
      segments: [
        {
          code: "wmo-io",
          name: "Wmo Integrale Ondersteuning",
          financing: "lumpsum",
          contractStart: "2022-01-01",
          subsegments: [
            { code: "wio-ontwikkelen", name: "Ontwikkelen" },
            { code: "wio-stabiliseren", name: "Stabiliseren" },
            { code: "wio-beschermd-thuis", name: "Beschermd Thuis" },
            { code: "wio-persoonlijke-verzorging", name: "Persoonlijke Verzorging", financing: "pxq" },
          ],
        },
        { code: "wmo-logeren", name: "Wmo Logeren", financing: "pxq", contractStart: "2022-01-01", subsegments: [] },
        {
          code: "wmo-wonen",
          name: "Wmo Wonen",
          financing: "lumpsum",
          contractStart: "2022-01-01",
          subsegments: [
            { code: "wonen-beschut", name: "Beschut Wonen", description: "24-uurs begeleiding" },
            { code: "wonen-beschermd", name: "Beschermd Wonen", description: "24-uurs zorg" },
          ],
        },
      ] as SegmentData[],
    },
  ],
  phases: [
    { number: 0, name: "Vaststellen visie en kaders", startsOn: "2017-01-01", endsOn: "2018-12-31" },
    {
      number: 1,
      name: "Herijken aanpak, benodigde besluiten nemen, dialoog",
      startsOn: "2020-09-01",
      endsOn: "2020-12-31",
    },
    { number: 2, name: "Dialoog, uitwerken selectieleidraden", startsOn: "2021-01-01", endsOn: "2021-03-31" },
    { number: 3, name: "Uitvoeren aanbesteding", startsOn: "2021-04-01", endsOn: "2021-09-30" },
    { number: 4, name: "Implementatie", startsOn: "2021-10-01", endsOn: "2021-12-31" },
    { number: 5, name: "Start nieuwe contracten", startsOn: "2022-01-01", endsOn: null },
  ],
  milestones: [
    { kind: "decision", label: "Besluit colleges B&W over selectie- en gunningsleidraden", date: "2021-03-02" },
    { kind: "publication", label: "Publicatie selectieleidraad (openstelling)", date: "2021-04-01" },
    { kind: "invitation", label: "Publicatie gunningsleidraad (start gunningsfase, 8 weken)", date: "2021-07-02" },
    { kind: "final_award", label: "Gunning (uiterlijk)", date: "2021-10-01" },
    { kind: "implementation_start", label: "Start implementatie (ten minste 3 maanden)", date: "2021-10-01" },
    { kind: "contract_start", label: "Start contracten Dyslexiezorg", date: "2021-08-01" },
    { kind: "contract_start", label: "Start nieuwe contracten", date: "2022-01-01" },
  ] satisfies { kind: MilestoneKind; label: string; date: string }[],
};

export const users = [
  { email: "beheer@achterhoek.example", name: "Beheerder Achterhoek", role: "administrator" },
  { email: "inkoop@achterhoek.example", name: "Inkoopspecialist", role: "procurement_officer" },
  { email: "inkoop2@achterhoek.example", name: "Tweede inkoopspecialist", role: "procurement_officer" },
  {
    email: "beoordelaar@achterhoek.example",
    name: "Beoordelaar Jeugd",
    role: "assessor",
    segments: ["jeugd-iaj", "jeugd-gwv"],
  },
  { email: "contract@achterhoek.example", name: "Contractmanager", role: "contract_manager" },
  {
    email: "doetinchem@achterhoek.example",
    name: "Gemeente Doetinchem",
    role: "municipality_viewer",
    municipality: "GM0222",
  },
  {
    email: "aanbieder@zorgpartners.example",
    name: "Zorgpartners Achterhoek",
    role: "provider",
    organisation: "Zorgpartners Achterhoek",
  },
  {
    email: "aanbieder@jeugdhulp-oost.example",
    name: "Jeugdhulp Oost",
    role: "provider",
    organisation: "Jeugdhulp Oost B.V.",
  },
] as const;

/**
 * What Inkoop 2022 asks (DOMAIN.md, "Selection phase"). The seeds give the flow (general, then
 * segment-specific minimum requirements, yes/no; then criteria A–F scored from the competence
 * dossier; a ranking above a threshold), that quality requirements bind members and subcontractors
 * too, that a reference requirement sets a lower bound on clients served, and the themes of the
 * criteria. They do not give the texts of the requirements, the lower bound, the weights, the
 * threshold or the closing time: those below marked "plausible" are ours, small and labelled as such.
 */
export interface RequirementData {
  code: string;
  text: string;
  kind: "yes_no" | "reference";
  minClients?: number;
  /** The scope: omitted for the whole tender, else the code of a lot, segment or subsegment. */
  lot?: string;
  segment?: string;
  subsegment?: string;
  appliesToMembers: boolean;
  appliesToSubcontractors: boolean;
}

export const asks = {
  requirements: [
    {
      // Seeds: 001 "Kwaliteitseisen gelden voor zowel hoofdaannemers als voor onderaannemers of leden
      // coöperatie"; 004 "iedere inschrijver voldoet aan de minimum kwaliteitseisen (dit geldt ook voor
      // een eventuele onderaannemer)".
      code: "AM-1",
      text: "De inschrijver, ieder lid van een combinatie en iedere onderaannemer voldoet aan de minimum kwaliteitseisen voor het deel van de zorg en ondersteuning dat hij levert.",
      kind: "yes_no",
      appliesToMembers: true,
      appliesToSubcontractors: true,
    },
    {
      // Plausible: the seeds name requirements on professionals (000, vraag 142) but not which.
      code: "AM-2",
      text: "Alle medewerkers die met cliënten werken hebben een Verklaring Omtrent het Gedrag (VOG) die bij indiensttreding niet ouder was dan drie maanden.",
      kind: "yes_no",
      appliesToMembers: true,
      appliesToSubcontractors: true,
    },
    {
      // Seeds: 000 vraag 37, a lower bound on clients served as a reference requirement (referentie-eis);
      // "De totale inschrijving dient aan alle eisen te voldoen" (vraag 21, 26): the bid as a whole.
      // The bound of 10 is plausible.
      code: "JR-1",
      text: "Referentie: de inschrijver heeft in de afgelopen drie jaar jeugdhulp geboden aan ten minste het genoemde aantal cliënten.",
      kind: "reference",
      minClients: 10,
      lot: "jeugd",
      appliesToMembers: false,
      appliesToSubcontractors: false,
    },
    {
      // Plausible: the usual professional standard for youth care.
      code: "J-2",
      text: "Jeugdhulp wordt geboden door professionals die geregistreerd zijn in het Kwaliteitsregister Jeugd (SKJ) of het BIG-register, volgens de norm van verantwoorde werktoedeling.",
      kind: "yes_no",
      lot: "jeugd",
      appliesToMembers: true,
      appliesToSubcontractors: true,
    },
    {
      // As JR-1, for the Wmo lot; the bound of 10 is plausible.
      code: "WR-1",
      text: "Referentie: de inschrijver heeft in de afgelopen drie jaar Wmo-ondersteuning geboden aan ten minste het genoemde aantal cliënten.",
      kind: "reference",
      minClients: 10,
      lot: "wmo",
      appliesToMembers: false,
      appliesToSubcontractors: false,
    },
    {
      // Plausible, after the segment's description in seed 004 (ernstige enkelvoudige dyslexie).
      code: "DYS-1",
      text: "De inschrijver biedt diagnostiek en behandeling van ernstige enkelvoudige dyslexie volgens het landelijke Protocol Dyslexie Diagnostiek en Behandeling.",
      kind: "yes_no",
      segment: "jeugd-dyslexie",
      appliesToMembers: true,
      appliesToSubcontractors: true,
    },
    {
      // Seed 003 (market consultation, stelling 4): "Kwaliteit = Landelijk vastgestelde kwaliteitscriteria
      // voor gezinshuizen"; the municipalities do not screen family homes themselves.
      code: "GWV-GH-1",
      text: "Ieder gezinshuis voldoet aan de landelijk vastgestelde kwaliteitscriteria voor gezinshuizen.",
      kind: "yes_no",
      subsegment: "gwv-gezinshuiszorg",
      appliesToMembers: true,
      appliesToSubcontractors: true,
    },
  ] satisfies RequirementData[],
  /**
   * The same six criteria for every segment: the seeds (000, vraag 35) have general youth and Wmo criteria
   * translated to each segment, and name the themes below; the weights are plausible (they sum to 100).
   */
  criteria: [
    {
      letter: "A",
      title: "Integraliteit",
      // Seed 000, vraag 36–37: "Integraliteit zal zeker onderdeel uitmaken van de selectiecriteria."
      text: "Hoe de inschrijver integraal werkt: over leefgebieden en subsegmenten heen en bij de overgang van 18- naar 18+.",
      weight: 20,
    },
    {
      letter: "B",
      title: "Regionale samenwerking",
      // Seed 004, verbatim.
      text: "De wijze waarop de zorgaanbieder regionale samenwerking kan vormgeven.",
      weight: 15,
    },
    {
      letter: "C",
      title: "Lokale binding",
      // Seed 004, verbatim.
      text: "De wijze waarop de zorgaanbieder lokale binding kan aantonen en organiseren.",
      weight: 15,
    },
    {
      letter: "D",
      title: "Behaalde resultaten",
      // Seed 004: "een bekwaamheidsdossier (inclusief behaalde resultaten)"; seed 000, vraag 42.
      text: "De resultaten die de inschrijver bij de eigen cliëntenpopulatie heeft behaald, feitelijk onderbouwd.",
      weight: 20,
    },
    {
      letter: "E",
      title: "Kennis en deskundigheid",
      // Seed 004: the selection phase judges "kennis, deskundigheid en kwaliteit".
      text: "De kennis en deskundigheid van de inschrijver voor de doelgroep van het segment.",
      weight: 15,
    },
    {
      letter: "F",
      title: "Kwaliteit",
      // Seed 004, as E.
      text: "Hoe de inschrijver de kwaliteit van zorg en ondersteuning borgt en verbetert.",
      weight: 15,
    },
  ] as const,
  /** Seed 001 shows a ranking above a threshold ("Ranking boven grens") but not its height: plausible. */
  threshold: 60,
};

/**
 * A second, open tender so that a fresh start has something providers can bid on: the same structure
 * and asks as Inkoop 2022, published, closing six weeks after the demo was loaded, at noon in the Netherlands.
 */
export const openTender = { name: "Inkoop 2027", closesInDays: 42, closesAtLocalTime: "12:00", bidValidDays: 90 };
