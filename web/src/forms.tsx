// Form fields in the NL Design System way: label, description, input and the error next to it.
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from "@utrecht/component-library-react";
import type { ReactElement } from "react";

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
