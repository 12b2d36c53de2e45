-- Notifications in the reader's language: besides the Dutch title and body (kept for e-mail, the
-- API and notifications of kinds the UI does not word), the facts they were made from, so that the
-- UI can say them again in English: a tender's or session's name, a date, a count.
alter table notifications
  add column params jsonb not null default '{}'::jsonb check (jsonb_typeof(params) = 'object');
