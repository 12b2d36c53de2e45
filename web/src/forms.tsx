// Form fields in the NL Design System way: label, description, input and the error next to it.
import {
  Alert,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from "@utrecht/component-library-react";
import type { ReactElement } from "react";
import { ApiError } from "./api.ts";

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  description?: string;
  type?: "text" | "email" | "password" | "date" | "number";
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

/** Translates the server's English field messages where we know them; others are shown as sent. */
export function serverFieldMessage(message: string, t: (key: string) => string): string {
  if (/date YYYY-MM-DD/.test(message)) return t("validation.date");
  if (/expected number to be >=1|expected int/.test(message)) return t("validation.wholeNumber");
  if (/lower-case letters, digits and dashes/.test(message)) return t("validation.code");
  if (/e-mail address/.test(message)) return t("validation.email");
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

/**
 * The server's refusal as messages at the form's own fields (a duplicate at the field named for it),
 * or, when none of them applies, one message for the whole form.
 */
export function serverRefusal<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: (key: string, options?: { detail: string }) => string,
  duplicate?: { field: F; message: string },
): { errors: Partial<Record<F, string>>; formError: string | null } {
  const errors: Partial<Record<F, string>> = {};
  if (error instanceof ApiError) {
    for (const [path, message] of Object.entries(error.fieldErrors())) {
      const field = path.split(".")[0] as F;
      if (fields.includes(field)) errors[field] = serverFieldMessage(message, t);
    }
    if (duplicate && error.code === "DUPLICATE") errors[duplicate.field] = duplicate.message;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { errors, formError: Object.keys(errors).length > 0 ? null : t("validation.server", { detail }) };
}
