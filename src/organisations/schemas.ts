// Request and response schemas of organisations and combinations: the validators, the types and the
// OpenAPI document at once. The identity rules themselves live in rules.ts.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../accounts/password.ts";
import { agbProblem, kvkProblem, LEGAL_FORMS, type LegalForm, legalFormProblem } from "./rules.ts";

const checked = (problem: (value: string) => string | undefined) =>
  z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: "custom", message });
  });

export const KvkNumber = checked(kvkProblem).describe("KvK number: 8 digits");
export const AgbCode = checked(agbProblem).describe("AGB code (Vektis): 8 digits");

const legalForm = (kind: "single" | "combination") =>
  z.enum(LEGAL_FORMS).superRefine((value: LegalForm, ctx) => {
    const message = legalFormProblem(kind, value);
    if (message) ctx.addIssue({ code: "custom", message });
  });
export const SingleLegalForm = legalForm("single");
export const CombinationLegalForm = legalForm("combination");

const Name = z.string().trim().min(1).max(300);
const Text = z.string().max(5000);

export const Contact = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().max(200).default(""),
  email: z.email({ error: "must be an e-mail address" }).max(320),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^(\+?[0-9][0-9 ()-]*)?$/, { error: "must be a telephone number: digits, spaces, +, - and ()" })
    .default(""),
});

export const LegalFormSchema = z.enum(LEGAL_FORMS);

export const RegisterBody = z.object({
  regionSlug: z.string().min(1).max(100),
  organisation: z.object({
    name: Name,
    legalForm: SingleLegalForm,
    kvkNumber: KvkNumber,
    agbCode: AgbCode.nullable().optional(),
  }),
  user: z.object({
    name: z.string().trim().min(1).max(200),
    email: z.email({ error: "must be an e-mail address" }).max(320),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
      .max(200),
  }),
});

export const OrganisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    legalForm: LegalFormSchema.nullable(),
    kvkNumber: z.string().nullable(),
    agbCode: z.string().nullable(),
    address: z.string().nullable(),
    contacts: z.array(z.object({ name: z.string(), role: z.string(), email: z.string(), phone: z.string() })),
    combinations: z.array(
      z.object({ id: z.string(), name: z.string(), legalForm: LegalFormSchema.nullable(), isLead: z.boolean() }),
    ),
  })
  .meta({ id: "Organisation" });

export const OrganisationPatch = z
  .object({
    name: Name,
    legalForm: SingleLegalForm,
    kvkNumber: KvkNumber,
    agbCode: AgbCode.nullable(),
    address: z.string().trim().max(500).nullable(),
    contacts: z.array(Contact).max(20),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: "name at least one field to change" });

export const OrganisationSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    legalForm: LegalFormSchema.nullable(),
    kvkNumber: z.string().nullable(),
    agbCode: z.string().nullable(),
    isCombination: z.boolean(),
  })
  .meta({ id: "OrganisationSummary" });

export const CombinationBody = z.object({
  name: Name,
  legalForm: CombinationLegalForm,
  kvkNumber: KvkNumber.nullable().optional(),
});

export const CombinationPatch = z
  .object({
    name: Name,
    legalForm: CombinationLegalForm,
    kvkNumber: KvkNumber.nullable(),
    leadMemberId: z.uuid({ error: "must be a UUID" }),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: "name at least one field to change" });

export const MemberBody = z.object({
  kvkNumber: KvkNumber,
  name: Name,
  qualifications: Text.default(""),
  responsibilities: Text.default(""),
});

export const MemberPatch = z
  .object({ qualifications: Text, responsibilities: Text })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: "name at least one field to change" });

export const CovenantSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const CombinationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    legalForm: LegalFormSchema,
    kvkNumber: z.string().nullable(),
    leadMemberId: z.string(),
    members: z.array(
      z.object({
        organisationId: z.string(),
        name: z.string(),
        kvkNumber: z.string().nullable(),
        qualifications: z.string(),
        responsibilities: z.string(),
      }),
    ),
    covenant: CovenantSchema.nullable(),
  })
  .meta({ id: "Combination" });

export type Organisation = z.infer<typeof OrganisationSchema>;
export type OrganisationChange = z.infer<typeof OrganisationPatch>;
export type OrganisationSummary = z.infer<typeof OrganisationSummarySchema>;
export type Combination = z.infer<typeof CombinationSchema>;
export type CombinationChange = z.infer<typeof CombinationPatch>;
export type Covenant = z.infer<typeof CovenantSchema>;
export type Registration = z.infer<typeof RegisterBody>;
export type NewMember = z.infer<typeof MemberBody>;
