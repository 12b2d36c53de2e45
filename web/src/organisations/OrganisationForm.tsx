// The organisation's own details: name, legal form, KvK number, AGB code, address and contacts.
import { Button } from "@utrecht/component-library-react";
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, SelectField, TextAreaField, TextField, useFocusAfterRender, useFormAction } from "../forms.tsx";
import { type Contact, type LegalForm, type MyOrganisation, organisationsApi, SINGLE_FORMS } from "./api.ts";
import { agbError, kvkError } from "./checks.ts";

interface Props {
  organisation: MyOrganisation;
  onSaved(organisation: MyOrganisation): void;
}

const CONTACT_FIELDS = ["name", "role", "email", "phone"] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];
const id = (field: string) => `organisation-${field.replaceAll(".", "-")}`;

export function OrganisationForm({ organisation, onSaved }: Props): ReactElement {
  const { t } = useTranslation();
  const focusAfterRender = useFocusAfterRender();
  const [name, setName] = useState(organisation.name);
  const [legalForm, setLegalForm] = useState<string>(organisation.legalForm ?? "");
  const [kvkNumber, setKvkNumber] = useState(organisation.kvkNumber ?? "");
  const [agbCode, setAgbCode] = useState(organisation.agbCode ?? "");
  const [address, setAddress] = useState(organisation.address ?? "");
  const [contacts, setContacts] = useState<Contact[]>(organisation.contacts);
  const fields = [
    "name",
    "legalForm",
    "kvkNumber",
    "agbCode",
    "address",
    ...contacts.flatMap((_, i) => CONTACT_FIELDS.map((f) => `contacts.${i}.${f}`)),
  ];

  function check(): Record<string, string> {
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t("validation.required");
    if (!legalForm) found.legalForm = t("validation.choose");
    const kvk = kvkError(kvkNumber.trim(), t);
    if (kvk) found.kvkNumber = kvk;
    const agb = agbCode.trim() ? agbError(agbCode.trim(), t) : null;
    if (agb) found.agbCode = agb;
    contacts.forEach((contact, i) => {
      if (!contact.name.trim()) found[`contacts.${i}.name`] = t("validation.required");
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email.trim()))
        found[`contacts.${i}.email`] = contact.email.trim() ? t("validation.email") : t("validation.required");
      if (contact.phone.trim() && !/^\+?[0-9][0-9 ()-]*$/.test(contact.phone.trim()))
        found[`contacts.${i}.phone`] = t("validation.phone");
    });
    return found;
  }

  const { busy, errors, formError, setErrors, run } = useFormAction(fields, {
    check,
    idOf: id,
    duplicate: { field: "kvkNumber", message: t("register.duplicate") },
  });

  const submit = run(async () => {
    const saved = await organisationsApi.changeMine({
      name: name.trim(),
      legalForm: legalForm as LegalForm,
      kvkNumber: kvkNumber.trim(),
      agbCode: agbCode.trim() || null,
      address: address.trim() || null,
      contacts: contacts.map((c) => ({
        name: c.name.trim(),
        role: c.role.trim(),
        email: c.email.trim(),
        phone: c.phone.trim(),
      })),
    });
    onSaved(saved);
  });

  const changeContact = (index: number, field: ContactField, value: string) =>
    setContacts((all) => all.map((c, i) => (i === index ? { ...c, [field]: value } : c)));

  function removeContact(index: number) {
    setContacts((all) => all.filter((_, i) => i !== index));
    setErrors({});
    focusAfterRender(id("add-contact"));
  }

  function addContact() {
    const index = contacts.length;
    setContacts((all) => [...all, { name: "", role: "", email: "", phone: "" }]);
    focusAfterRender(id(`contacts.${index}.name`));
  }

  return (
    <form noValidate onSubmit={submit} className="zk-form zk-panel" aria-labelledby="details-heading">
      <FormError message={formError} />
      <div className="zk-form-row">
        <TextField
          id={id("name")}
          label={t("organisation.name")}
          value={name}
          onChange={setName}
          error={errors.name}
          required
        />
        <SelectField
          id={id("legalForm")}
          label={t("organisation.legalForm")}
          value={legalForm}
          onChange={setLegalForm}
          placeholder={t("users.choose")}
          options={SINGLE_FORMS.map((f) => ({ value: f, label: t(`legalForm.${f}`) }))}
          error={errors.legalForm}
        />
      </div>
      <div className="zk-form-row">
        <TextField
          id={id("kvkNumber")}
          label={t("organisation.kvkNumber")}
          description={t("organisation.kvkHint")}
          value={kvkNumber}
          onChange={setKvkNumber}
          error={errors.kvkNumber}
          inputMode="numeric"
          required
        />
        <TextField
          id={id("agbCode")}
          label={t("organisation.agbCodeOptional")}
          description={t("organisation.agbHint")}
          value={agbCode}
          onChange={setAgbCode}
          error={errors.agbCode}
          inputMode="numeric"
        />
      </div>
      <TextAreaField
        id={id("address")}
        label={t("organisation.address")}
        value={address}
        onChange={setAddress}
        error={errors.address}
        rows={3}
      />
      <fieldset className="zk-fieldset zk-contacts">
        <legend className="zk-fieldset__legend">{t("organisation.contacts")}</legend>
        {contacts.length === 0 ? <p className="zk-hint">{t("organisation.noContacts")}</p> : null}
        {contacts.map((contact, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no identity beyond their order.
          <fieldset key={index} className="zk-repeat">
            <legend className="zk-repeat__title">{t("organisation.contact", { number: index + 1 })}</legend>
            <div className="zk-form-row">
              {CONTACT_FIELDS.map((field) => (
                <TextField
                  key={field}
                  id={id(`contacts.${index}.${field}`)}
                  label={t(`organisation.contact_${field}`)}
                  type={field === "email" ? "email" : "text"}
                  value={contact[field]}
                  onChange={(value) => changeContact(index, field, value)}
                  error={errors[`contacts.${index}.${field}`]}
                  required={field === "name" || field === "email"}
                />
              ))}
            </div>
            <Button appearance="subtle-button" hint="danger" onClick={() => removeContact(index)}>
              {t("organisation.removeContact", { number: index + 1 })}
            </Button>
          </fieldset>
        ))}
        <Button id={id("add-contact")} appearance="secondary-action-button" onClick={addContact}>
          + {t("organisation.addContact")}
        </Button>
      </fieldset>
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {busy ? t("structure.saving") : t("organisation.save")}
      </Button>
    </form>
  );
}
