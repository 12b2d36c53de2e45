// Form fields in the NL Design System way: label, description, input and the error next to it.
import {
  Alert,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from "@utrecht/component-library-react";
import { type Dispatch, type FormEvent, type ReactElement, type SetStateAction, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api.ts";

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  description?: string;
  type?: "text" | "email" | "password" | "date" | "number" | "datetime-local" | "search";
  required?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
  min?: number;
  size?: "small" | "medium";
}

/** A text, date or number field; the error message is linked to the input by aria-describedby. */
export function TextField(props: FieldProps): ReactElement {
  const descriptionId = props.description ? `${props.id}-description` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <FormField
      invalid={Boolean(props.error)}
      className={props.size === "small" ? "zk-field zk-field--small" : "zk-field"}
      label={<FormLabel htmlFor={props.id}>{props.label}</FormLabel>}
      description={
        props.description ? (
          <FormFieldDescription id={descriptionId}>{props.description}</FormFieldDescription>
        ) : undefined
      }
      input={
        <Textbox
          id={props.id}
          name={props.id}
          type={props.type ?? "text"}
          value={props.value}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          required={props.required}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          min={props.min}
          onChange={(event) => props.onChange(event.target.value)}
        />
      }
      errorMessage={props.error ? <FormFieldErrorMessage id={errorId}>{props.error}</FormFieldErrorMessage> : undefined}
    />
  );
}

/** A multi-line text; the error message is linked to the textarea by aria-describedby. */
export function TextAreaField(
  props: Omit<FieldProps, "type" | "inputMode" | "min" | "size"> & { rows?: number },
): ReactElement {
  const descriptionId = props.description ? `${props.id}-description` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <FormField
      invalid={Boolean(props.error)}
      className="zk-field"
      label={<FormLabel htmlFor={props.id}>{props.label}</FormLabel>}
      description={
        props.description ? (
          <FormFieldDescription id={descriptionId}>{props.description}</FormFieldDescription>
        ) : undefined
      }
      input={
        <Textarea
          id={props.id}
          name={props.id}
          value={props.value}
          rows={props.rows ?? 4}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          required={props.required}
          onChange={(event) => props.onChange(event.target.value)}
        />
      }
      errorMessage={props.error ? <FormFieldErrorMessage id={errorId}>{props.error}</FormFieldErrorMessage> : undefined}
    />
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  error?: string | undefined;
  placeholder?: string;
}

export function SelectField(props: SelectFieldProps): ReactElement {
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <FormField
      invalid={Boolean(props.error)}
      className="zk-field"
      label={<FormLabel htmlFor={props.id}>{props.label}</FormLabel>}
      input={
        <Select
          id={props.id}
          name={props.id}
          value={props.value}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={errorId}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {props.placeholder !== undefined ? <SelectOption value="">{props.placeholder}</SelectOption> : null}
          {props.options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      }
      errorMessage={props.error ? <FormFieldErrorMessage id={errorId}>{props.error}</FormFieldErrorMessage> : undefined}
    />
  );
}

interface CheckboxGroupProps {
  id: string;
  legend: string;
  options: { value: string; label: string; description?: string }[];
  values: readonly string[];
  onChange(values: string[]): void;
  error?: string | undefined;
  description?: string;
  /** Laid out in columns, for longer lists of short labels. */
  columns?: boolean;
}

/** A set of checkboxes under one legend, with the group's error linked to the fieldset. */
export function CheckboxGroup(props: CheckboxGroupProps): ReactElement {
  const errorId = props.error ? `${props.id}-error` : undefined;
  const descriptionId = props.description ? `${props.id}-description` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      id={props.id}
      className={props.error ? "zk-fieldset zk-fieldset--invalid" : "zk-fieldset"}
      aria-describedby={describedBy}
    >
      <legend className="zk-fieldset__legend">{props.legend}</legend>
      {props.description ? (
        <p id={descriptionId} className="zk-hint">
          {props.description}
        </p>
      ) : null}
      {props.error ? <FormFieldErrorMessage id={errorId}>{props.error}</FormFieldErrorMessage> : null}
      <div className={props.columns ? "zk-checkbox-columns" : undefined}>
        {props.options.map((option) => {
          const optionId = `${props.id}-${option.value}`;
          return (
            <div key={option.value} className="zk-checkbox">
              <Checkbox
                id={optionId}
                checked={props.values.includes(option.value)}
                invalid={Boolean(props.error)}
                onChange={(event) => {
                  const checked = event.target.checked;
                  props.onChange(
                    checked ? [...props.values, option.value] : props.values.filter((v) => v !== option.value),
                  );
                }}
              />
              <label htmlFor={optionId}>
                {option.label}
                {option.description ? <span className="zk-muted zk-block">{option.description}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Translates the server's English field messages where we know them; others are shown as sent. */
export function serverFieldMessage(
  message: string,
  t: (key: string, options?: Record<string, string>) => string,
): string {
  if (/date YYYY-MM-DD/.test(message)) return t("validation.date");
  // Dialogue sessions and statements.
  if (/must be a time HH:MM/.test(message)) return t("validation.time");
  if (/must be a date and time/.test(message)) return t("validation.dateTime");
  if (/must be after startsAt/.test(message)) return t("validation.endAfterStart");
  if (/give a place or an online link/.test(message)) return t("validation.placeOrLink");
  if (/must start with http/.test(message)) return t("validation.link");
  const taken = /^(\d+) attendees are already registered/.exec(message);
  if (taken) return t("validation.capacityTaken", { count: taken[1]! });
  if (/a whole number of 0 or more/.test(message)) return t("validation.wholeNumberZero");
  if (/five whole numbers of 0 or more/.test(message)) return t("validation.fiveCounts");
  if (/a number from 1 to 5/.test(message)) return t("validation.oneToFive");
  const sum = /^the counts add up to (\d+), not/.exec(message);
  if (sum) return t("validation.countsSum", { count: sum[1]! });
  const average = /^the counts give an average of ([\d.]+), not/.exec(message);
  if (average) return t("validation.countsAverage", { average: average[1]! });
  if (/expected number to be >=1|expected int/.test(message)) return t("validation.wholeNumber");
  if (/lower-case letters, digits and dashes/.test(message)) return t("validation.code");
  if (/e-mail address/.test(message)) return t("validation.email");
  if (/KvK number/.test(message)) return t("validation.kvk");
  if (/already registered in this region/.test(message)) return t("register.duplicate");
  if (/already has an account/.test(message)) return t("register.emailTaken");
  if (/not a known region/.test(message)) return t("register.unknownRegion");
  if (/AGB code/.test(message)) return t("validation.agb");
  if (/at least 12 characters/.test(message)) return t("validation.password12");
  if (/telephone number/.test(message)) return t("validation.phone");
  if (/Too small: expected string to have >=1/.test(message)) return t("validation.required");
  return message;
}

/** The message for the whole form, announced at once; nothing when there is none. */
export function FormError({ message }: { message: string | null }): ReactElement | null {
  return message ? (
    <Alert type="error" role="alert">
      <Paragraph>{message}</Paragraph>
    </Alert>
  ) : null;
}

/** Why a form was not accepted: messages at its fields, or one for the whole form. */
export interface Refusal<F extends string> {
  errors: Partial<Record<F, string>>;
  formError: string | null;
}

/**
 * The server's refusal as messages at the form's own fields (a duplicate at the field named for it),
 * or, when none of them applies, one message for the whole form.
 */
export function serverRefusal<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: (key: string, options?: Record<string, string>) => string,
  duplicate?: { field: F; message: string },
): Refusal<F> {
  const errors: Partial<Record<F, string>> = {};
  if (error instanceof ApiError) {
    for (const [path, message] of Object.entries(error.fieldErrors())) {
      const field = fieldOf(path, fields);
      if (field && !errors[field]) errors[field] = serverFieldMessage(message, t);
    }
    if (duplicate && error.code === "DUPLICATE" && Object.keys(errors).length === 0) {
      errors[duplicate.field] = duplicate.message;
    }
  }
  if (Object.keys(errors).length > 0) return { errors, formError: null };
  const rule = error instanceof ApiError ? error.rule : undefined;
  if (rule && RULES.includes(rule as Rule)) return { errors, formError: t(`rules.${rule}`) };
  const detail = error instanceof Error ? error.message : String(error);
  return { errors, formError: t("validation.server", { detail }) };
}

/** What a form adds to useFormAction's submit: all optional, each for what only some forms do. */
export interface FormActionOptions<F extends string> {
  /** Where a DUPLICATE refusal that names no field is shown, and what it says (see serverRefusal). */
  duplicate?: { field: F; message: string };
  /** Checks the input in the browser first: what it finds is shown at the fields and nothing is sent. */
  check?(): Partial<Record<F, string>>;
  /**
   * The id of a field's input. Given, the focus moves to the first field in error (in the order of
   * `fields`) whenever errors are shown, so that keyboard and screen-reader users land on them.
   */
  idOf?(field: F): string;
  /** The browser's check found errors: for a focus idOf cannot give (after the check only, or not on an input). */
  onInvalid?(errors: Partial<Record<F, string>>): void;
  /** The server refused: may change the refusal before it is shown (a rule's own message) or move the focus. */
  onRefused?(refusal: Refusal<F>, error: unknown): void;
}

export interface FormAction<F extends string> extends Refusal<F> {
  /** Sending: the form's button is disabled meanwhile. */
  busy: boolean;
  setErrors: Dispatch<SetStateAction<Partial<Record<F, string>>>>;
  setFormError: Dispatch<SetStateAction<string | null>>;
  /**
   * The submit handler for `action`, the form's own work: it clears the errors shown, runs the
   * check, sends and shows a refusal at the fields or above the form.
   */
  run(action: () => Promise<void>): (event?: FormEvent) => Promise<void>;
}

/** The state of a form that sends to the server: busy while sending, the refusal mapped to its fields or to the form. */
export function useFormAction<F extends string>(
  fields: readonly F[],
  // The fields alone say what F is: a check that knows fewer of them is no narrower form.
  options: FormActionOptions<NoInfer<F>> = {},
): FormAction<F> {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusFirst = (found: Partial<Record<F, string>>) => {
    const field = fields.find((f) => found[f]);
    if (field && options.idOf) document.getElementById(options.idOf(field))?.focus();
  };
  const run = (action: () => Promise<void>) => async (event?: FormEvent) => {
    event?.preventDefault();
    setFormError(null);
    const found: Partial<Record<F, string>> = options.check?.() ?? {};
    setErrors(found);
    if (Object.keys(found).length > 0) {
      options.onInvalid?.(found);
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      await action();
    } catch (error) {
      const refusal = serverRefusal(error, fields, t, options.duplicate);
      options.onRefused?.(refusal, error);
      setErrors(refusal.errors);
      setFormError(refusal.formError);
      focusFirst(refusal.errors);
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, formError, setErrors, setFormError, run };
}

/** The form's field a server path belongs to: the longest field that is the path or a parent of it. */
function fieldOf<F extends string>(path: string, fields: readonly F[]): F | undefined {
  let found: F | undefined;
  for (const field of fields) {
    if ((path === field || path.startsWith(`${field}.`)) && field.length > (found?.length ?? -1)) found = field;
  }
  return found;
}

/** The domain rules the server names when it refuses a change (problem.rule); each has a text in rules.*. */
export const RULES = [
  "one_bid_per_segment",
  "alone_and_in_combination",
  "two_combinations",
  "subcontractor_as_main",
  "closed",
  "not_published",
  "incomplete",
  "not_closed",
  "four_eyes",
  "published_requires_qa_round",
  "already_submitted",
  "submitted",
  "not_submitted",
  "file_in_submission",
  "file_empty",
  "file_too_large",
  "file_type_not_allowed",
  "file_extension_mismatch",
  "lead_member_only",
  "combination_lead_only",
  "lead_member_required",
  "not_opened",
  "already_opened",
  "closing_time_missing",
  "closing_time_past",
  "already_published",
] as const;
export type Rule = (typeof RULES)[number];

/** A refusal of an action (not a form) in the user's language: the rule when named, else the server's words. */
export function refusalText(error: unknown, t: (key: string, options?: { detail: string }) => string): string {
  if (error instanceof ApiError) {
    if (error.rule && RULES.includes(error.rule as Rule)) return t(`rules.${error.rule}`);
    if (error.code === "NETWORK") return t("validation.network");
  }
  const detail = error instanceof Error ? error.message : String(error);
  return t("validation.server", { detail });
}

/**
 * Moves the focus to the element with an id once the page has been drawn again: a field added by
 * the same click (a new contact, a new reference) exists only after React's next render, which an
 * animation frame may or may not come after.
 */
export function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  return (id: string) => setTarget({ id });
}
