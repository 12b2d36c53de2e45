// Texts of the timeline's Q&A warnings (qa_last_round_late, qa_questions_open); joined into nl.ts and en.ts.

export const qaTimelineNl = {
  qaTimeline: {
    code: {
      qa_last_round_late: "Laatste Nota van Inlichtingen te kort voor de sluitingstijd",
      qa_questions_open: "Er staan nog vragen open",
    },
    text: {
      qa_last_round_late:
        "Deze ronde ligt {{days}} dagen voor de sluitingstijd; aanvullende inlichtingen moeten uiterlijk {{minimum}} dagen vooraf worden gegeven.",
      qa_questions_open:
        "De sluitingstijd is over {{days}} dagen en nog niet alle vragen zijn beantwoord. Publiceer de antwoorden tijdig.",
    },
    basis: {
      "Aw 2012 art. 2.75": "Aanbestedingswet 2012, art. 2.75",
      qa_open_warning_days: "instelling: waarschuwen bij open vragen",
    },
  },
};

export const qaTimelineEn: typeof qaTimelineNl = {
  qaTimeline: {
    code: {
      qa_last_round_late: "Last Nota van Inlichtingen too close to the closing time",
      qa_questions_open: "Questions are still open",
    },
    text: {
      qa_last_round_late:
        "This round is {{days}} days before the closing time; additional information must be given at least {{minimum}} days before.",
      qa_questions_open:
        "The closing time is {{days}} days away and not every question has been answered. Publish the answers in time.",
    },
    basis: {
      "Aw 2012 art. 2.75": "Public Procurement Act 2012, art. 2.75",
      qa_open_warning_days: "setting: warn about open questions",
    },
  },
};
