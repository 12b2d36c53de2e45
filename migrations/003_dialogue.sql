-- Dialogue and questions (issue 5): dialogue sessions with registration and their published report,
-- polled statements (stellingen), and the questions and answers of the Nota van Inlichtingen with
-- numbered publication rounds, four-eyes approval, private answers and references between answers.

-- Settings on the tender -------------------------------------------------------------------------

alter table tenders
  -- Providers ask questions until this moment (vragen stellen tot); the server's clock decides.
  add column questions_close_at timestamptz,
  -- The last Nota van Inlichtingen must be published at least this many days before the closing time
  -- (Aw 2012 art. 2.75: additional information at the latest six days before the closing time).
  add column qa_last_round_min_days integer not null default 6 check (qa_last_round_min_days between 0 and 90),
  -- From this many days before the closing time, open questions are a warning on the timeline.
  add column qa_open_warning_days integer not null default 14 check (qa_open_warning_days between 0 and 180);

-- Dialogue sessions --------------------------------------------------------------------------------

create table dialogue_sessions (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  kind text not null check (kind in ('gesprekstafel', 'workshop', 'kennissessie', 'webinar', 'marktconsultatie')),
  title text not null check (length(title) between 1 and 300),
  description text not null default '' check (length(description) <= 10000),
  -- The audience: every provider (null) or the providers of one segment.
  segment_id uuid references segments (id) on delete cascade,
  -- A date and local (Europe/Amsterdam) times, as the invitation states them.
  on_date date not null,
  starts_at time not null,
  ends_at time not null check (ends_at > starts_at),
  location text check (length(location) <= 500),
  online_url text check (online_url ~ '^https?://' and length(online_url) <= 1000),
  -- Places; null is unlimited.
  capacity integer check (capacity between 1 and 10000),
  registration_closes_at timestamptz not null,
  cancelled_at timestamptz,
  -- Afterwards: the report (verslag) as text; slides as documents (dialogue_documents); the session's
  -- Q&A (dialogue_session_questions). Publishing makes them visible to providers at once.
  report text check (length(report) <= 100000),
  published_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null,
  check (location is not null or online_url is not null)
);
create index dialogue_sessions_tender on dialogue_sessions (tender_id, on_date);

-- One registration per provider user and session; cancelling keeps the row (cancelled_at).
create table dialogue_registrations (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references dialogue_sessions (id) on delete cascade,
  user_id uuid not null references users (id),
  organisation_id uuid not null references organisations (id),
  -- How many people the organisation brings (the user included).
  attendees integer not null default 1 check (attendees between 1 and 20),
  registered_at timestamptz not null,
  cancelled_at timestamptz
);
create unique index dialogue_registrations_active on dialogue_registrations (session_id, user_id)
  where cancelled_at is null;

-- Slides and other documents of a session, published with its report. Not bid content: stored plain.
create table dialogue_documents (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references dialogue_sessions (id) on delete cascade,
  kind text not null check (kind in ('slides', 'report', 'other')),
  name text not null check (length(name) between 1 and 255),
  media_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  uploaded_by uuid references users (id),
  uploaded_at timestamptz not null
);
create index dialogue_documents_session on dialogue_documents (session_id);

-- Questions asked and answered during a session, published with its report.
create table dialogue_session_questions (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references dialogue_sessions (id) on delete cascade,
  position integer not null check (position >= 0),
  question text not null check (length(question) between 1 and 10000),
  answer text not null default '' check (length(answer) <= 20000),
  unique (session_id, position)
);

-- Statements (stellingen) polled at a session: agree/disagree counts, or a 1–5 scale.
create table dialogue_statements (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references dialogue_sessions (id) on delete cascade,
  position integer not null check (position >= 0),
  text text not null check (length(text) between 1 and 2000),
  kind text not null check (kind in ('agree', 'scale')),
  agree integer check (agree >= 0),
  disagree integer check (disagree >= 0),
  -- For 'scale': how many answered 1, 2, 3, 4, 5 (when known), else only the average and the count.
  scale_counts integer[] check (scale_counts is null or cardinality(scale_counts) = 5),
  scale_average numeric(4, 3) check (scale_average between 1 and 5),
  scale_count integer check (scale_count >= 0),
  source text not null default 'manual' check (source in ('manual', 'csv')),
  check ((kind = 'agree') = (agree is not null and disagree is not null)),
  check ((kind = 'scale') = (scale_count is not null))
);

-- Questions and answers (Nota van Inlichtingen) -----------------------------------------------------

-- A numbered round; published once, to every provider at the same moment.
create table qa_rounds (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  number integer not null check (number >= 1),
  title text not null check (length(title) between 1 and 300),
  -- When the officers plan to publish it (for the timeline's warnings).
  planned_on date,
  published_at timestamptz,
  published_by uuid references users (id),
  -- A round read from a file (zorginkoop qa import) that was published elsewhere before.
  import_id uuid,
  created_at timestamptz not null,
  unique (tender_id, number)
);

-- One import of a Q&A file: its hash makes a second import of the same file change nothing.
create table qa_imports (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  file_name text not null check (length(file_name) between 1 and 255),
  layout text not null check (layout in ('tabbed', 'numbered')),
  title text,
  question_count integer not null check (question_count >= 0),
  round_id uuid references qa_rounds (id),
  imported_by uuid references users (id),
  imported_at timestamptz not null,
  unique (tender_id, sha256)
);
alter table qa_rounds add foreign key (import_id) references qa_imports (id);

create table qa_questions (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  -- The asker; never shown to other providers nor in any export. Null for imported questions.
  asker_organisation_id uuid references organisations (id),
  asker_user_id uuid references users (id),
  text text not null check (length(text) between 1 and 10000),
  -- What the asker points at: a document section ("Selectieleidraad §3.2") and/or a lot.
  document_ref text check (length(document_ref) <= 300),
  lot_id uuid references lots (id),
  asked_at timestamptz not null,
  -- Triage: the public number (none for a private answer), category and sub-heading.
  number integer check (number >= 1),
  category text check (length(category) between 1 and 200),
  subheading text check (length(subheading) between 1 and 300),
  -- public: answered to everyone in a round; private: to the asker alone, with the reason recorded.
  visibility text not null default 'public' check (visibility in ('public', 'private')),
  private_reason text check (length(private_reason) <= 2000),
  -- new → assigned → drafted → approved → published (public, in a round) or answered (private).
  status text not null default 'new'
    check (status in ('new', 'assigned', 'drafted', 'approved', 'published', 'answered', 'withdrawn')),
  assignee_id uuid references users (id),
  answer text check (length(answer) <= 50000),
  -- "onder voorbehoud van besluitvorming"
  reservation boolean not null default false,
  drafted_by uuid references users (id),
  drafted_at timestamptz,
  approved_by uuid references users (id),
  approved_at timestamptz,
  round_id uuid references qa_rounds (id),
  -- The moment the answer reached its readers: the round's publication, or the private answer.
  answered_at timestamptz,
  import_id uuid references qa_imports (id),
  created_at timestamptz not null,
  check (visibility = 'public' or (number is null and private_reason is not null)),
  -- Four eyes: the drafter does not approve (imports carry neither).
  check (approved_by is null or drafted_by is null or approved_by <> drafted_by),
  check (status <> 'published' or round_id is not null)
);
-- Numbers are unique per tender among its own questions, and per import among an imported file's
-- (a region may import several earlier lists that each number from 1).
create unique index qa_questions_number on qa_questions (tender_id, number) where import_id is null;
create unique index qa_questions_import_number on qa_questions (import_id, number) where import_id is not null;
create index qa_questions_tender on qa_questions (tender_id, status);
create index qa_questions_asker on qa_questions (asker_organisation_id);

-- An answer's references to other questions ("zie het antwoord op vraag 40"): links, not text.
create table qa_references (
  question_id uuid not null references qa_questions (id) on delete cascade,
  refers_to uuid not null references qa_questions (id),
  position integer not null check (position >= 0),
  primary key (question_id, refers_to),
  check (question_id <> refers_to)
);
create index qa_references_target on qa_references (refers_to);
