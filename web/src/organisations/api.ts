// The API of organisations and combinations (issue 6): registration, "my organisation", combinations
// with their members and covenant.
import type { CombinationLegalForm, LegalForm } from "../../../src/organisations/rules.ts";
import { request } from "../api.ts";
import type { StoredFile } from "../files/upload.ts";

export type { CombinationLegalForm as CombinationForm, LegalForm } from "../../../src/organisations/rules.ts";
export {
  COMBINATION_LEGAL_FORMS as COMBINATION_FORMS,
  LEGAL_FORMS,
  SINGLE_LEGAL_FORMS as SINGLE_FORMS,
} from "../../../src/organisations/rules.ts";

export interface Contact {
  name: string;
  role: string;
  email: string;
  phone: string;
}

export interface MyOrganisation {
  id: string;
  name: string;
  legalForm: LegalForm | null;
  kvkNumber: string | null;
  agbCode: string | null;
  address: string | null;
  contacts: Contact[];
  combinations: { id: string; name: string; legalForm: CombinationLegalForm; isLead: boolean }[];
}

export interface OrganisationChange {
  name?: string;
  legalForm?: LegalForm;
  kvkNumber?: string;
  agbCode?: string | null;
  address?: string | null;
  contacts?: Contact[];
}

export interface Member {
  organisationId: string;
  name: string;
  kvkNumber: string | null;
  qualifications: string;
  responsibilities: string;
}

export interface Combination {
  id: string;
  name: string;
  legalForm: CombinationLegalForm;
  kvkNumber: string | null;
  leadMemberId: string;
  members: Member[];
  covenant: StoredFile | null;
}

export interface Registration {
  regionSlug: string;
  organisation: { name: string; legalForm: LegalForm; kvkNumber: string; agbCode?: string };
  user: { name: string; email: string; password: string };
}

const combinationPath = (id: string) => `/api/combinations/${encodeURIComponent(id)}`;

export const organisationsApi = {
  register: (registration: Registration) =>
    request<{ organisationId: string; userId: string }>("POST", "/api/register", registration),
  mine: () => request<MyOrganisation>("GET", "/api/organisations/mine"),
  changeMine: (change: OrganisationChange) => request<MyOrganisation>("PATCH", "/api/organisations/mine", change),
  createCombination: (combination: { name: string; legalForm: CombinationLegalForm; kvkNumber?: string }) =>
    request<Combination>("POST", "/api/combinations", combination),
  combination: (id: string) => request<Combination>("GET", combinationPath(id)),
  changeCombination: (
    id: string,
    change: { name?: string; legalForm?: CombinationLegalForm; kvkNumber?: string | null },
  ) => request<unknown>("PATCH", combinationPath(id), change),
  addMember: (
    id: string,
    member: { kvkNumber: string; name: string; qualifications: string; responsibilities: string },
  ) => request<unknown>("POST", `${combinationPath(id)}/members`, member),
  changeMember: (id: string, organisationId: string, change: { qualifications?: string; responsibilities?: string }) =>
    request<unknown>("PATCH", `${combinationPath(id)}/members/${encodeURIComponent(organisationId)}`, change),
  removeMember: (id: string, organisationId: string) =>
    request<unknown>("DELETE", `${combinationPath(id)}/members/${encodeURIComponent(organisationId)}`),
  covenantUrl: (id: string) => `${combinationPath(id)}/covenant`,
};
