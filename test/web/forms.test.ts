// The server's field messages in the reader's words: the known English messages become texts of the
// page's language, with the figures they carry; an unknown one is shown as the server said it.
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { serverFieldMessage } from "../../web/src/forms.tsx";
import { en } from "../../web/src/i18n/en.ts";
import { nl } from "../../web/src/i18n/nl.ts";

async function translator(lng: "nl" | "en") {
  const i18n = createInstance();
  await i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng, fallbackLng: "nl" });
  return i18n.t;
}

describe("serverFieldMessage", () => {
  it("words the session and statement refusals in Dutch, with their figures", async () => {
    const t = await translator("nl");
    expect(serverFieldMessage("must be after startsAt", t)).toBe("De eindtijd moet na de begintijd liggen.");
    expect(serverFieldMessage("must be a time HH:MM", t)).toBe("Vul een tijd in als UU:MM, bijvoorbeeld 13:30.");
    expect(serverFieldMessage("3 attendees are already registered", t)).toBe(
      "Er zijn al 3 personen aangemeld; het maximum kan niet lager zijn.",
    );
    expect(serverFieldMessage("the counts give an average of 3.913, not 4", t)).toContain("3.913");
    expect(serverFieldMessage("the counts add up to 23, not 20", t)).toContain("tellen op tot 23");
  });

  it("says them in English to an English reader, and leaves an unknown message as it is", async () => {
    const t = await translator("en");
    expect(serverFieldMessage("give a place or an online link (onlineUrl)", t)).toBe("Give a place, a link or both.");
    expect(serverFieldMessage("something new", t)).toBe("something new");
  });
});
