-- Bidding: organisations with their legal form, combinations, what a tender asks (minimum
-- requirements and selection criteria), the sealed bid vault with receipts, uploaded files, the
-- closing time with its extensions, the two-officer opening and in-app notifications.
-- Bid content and files are stored only as AES-256-GCM ciphertext under a key per tender; that key is
-- stored wrapped by a master key that never enters the database (src/bidding/vault.ts).

-- Organisations -----------------------------------------------------------------------------------

alter table organisations
  add column legal_form text check (legal_form in
    ('stichting', 'bv', 'zzp', 'vof', 'cooperatie', 'cooperatie_io', 'consortium')),
  -- KvK number: 8 digits. Unique within the region: one organisation, one record.
  add column kvk_number text check (kvk_number ~ '^[0-9]{8}$'),
  -- AGB code (Vektis): 8 digits, optional.
  add column agb_code text check (agb_code ~ '^[0-9]{8}$'),
  add column address text check (length(address) <= 500),
  -- [{ "name", "role", "email", "phone" }]
  add column contacts jsonb not null default '[]'::jsonb,
  -- A combination (coöperatie, coöperatie i.o., consortium) is led by one member, its penvoerder:
  -- the lead member's provider users act for the combination.
  add column lead_member_id uuid references organisations (id),
  add column updated_at timestamptz;
create unique index organisations_kvk on organisations (region_id, kvk_number) where kvk_number is not null;

create table combination_members (
  combination_id uuid not null references organisations (id) on delete cascade,
  member_id uuid not null references organisations (id),
  qualifications text not null default '' check (length(qualifications) <= 5000),
  responsibilities text not null default '' check (length(responsibilities) <= 5000),
  position integer not null default 0,
  primary key (combination_id, member_id),
  check (combination_id <> member_id)
);
create index combination_members_member on combination_members (member_id);

-- What a tender asks ------------------------------------------------------------------------------

alter table tenders
  -- Publication fixes what the tender asks: after it, requirements and criteria change only with a
  -- published Q&A round.
  add column published_at timestamptz,
  -- The closing time for bids (sluitingstijd); the server's clock decides.
  add column closes_at timestamptz,
  -- How long a submitted bid stays valid (gestanddoeningstermijn).
  add column bid_valid_days integer not null default 90 check (bid_valid_days between 1 and 730),
  add column opened_at timestamptz;

alter table segments
  -- The selection threshold (0–100 on the weighted total) and the scale criteria are scored on.
  add column threshold numeric(5, 2) check (threshold between 0 and 100),
  add column scale_max integer not null default 10 check (scale_max between 1 and 100);

create table requirements (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  -- Scope: the whole tender (all null), a lot, a segment or a subsegment. Exactly one level.
  lot_id uuid references lots (id) on delete cascade,
  segment_id uuid references segments (id) on delete cascade,
  subsegment_id uuid references subsegments (id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9.-]{0,30}$'),
  text text not null check (length(text) between 1 and 5000),
  -- yes_no: met or not, with evidence; reference: a reference with at least min_clients clients served.
  kind text not null default 'yes_no' check (kind in ('yes_no', 'reference')),
  min_clients integer check (min_clients >= 1),
  applies_to_members boolean not null default true,
  applies_to_subcontractors boolean not null default false,
  position integer not null default 0,
  unique (tender_id, code),
  check (num_nonnulls(lot_id, segment_id, subsegment_id) <= 1),
  check ((kind = 'reference') = (min_clients is not null))
);

create table criteria (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  segment_id uuid not null references segments (id) on delete cascade,
  letter text not null check (letter ~ '^[A-F]$'),
  title text not null check (length(title) between 1 and 300),
  text text not null default '' check (length(text) <= 10000),
  -- Weights of a segment sum to 100 before publication.
  weight integer not null check (weight between 1 and 100),
  unique (segment_id, letter)
);

-- The vault --------------------------------------------------------------------------------------

create table tender_keys (
  tender_id uuid primary key references tenders (id) on delete cascade,
  -- The tender's data key, AES-256-GCM-wrapped by the master key: iv ‖ tag ‖ ciphertext.
  wrapped_key bytea not null,
  -- Which master key wrapped it (its SHA-256 fingerprint, first 16 hex), for key rotation.
  master_key_id text not null,
  created_at timestamptz not null
);

-- A provider registers for a tender (aanmelding); officers see registrations before the closing time.
create table registrations (
  tender_id uuid not null references tenders (id) on delete cascade,
  organisation_id uuid not null references organisations (id),
  registered_by uuid references users (id),
  registered_at timestamptz not null,
  primary key (tender_id, organisation_id)
);

create table bids (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  segment_id uuid not null references segments (id),
  -- The main contractor: a single provider or a combination.
  bidder_id uuid not null references organisations (id),
  status text not null check (status in ('draft', 'submitted', 'withdrawn')),
  -- The draft being edited: ciphertext of the JSON content (iv ‖ tag ‖ ciphertext), AAD = bid id.
  draft bytea,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- One bid per segment per main contractor.
  unique (segment_id, bidder_id)
);
create index bids_tender on bids (tender_id);

-- Every submission, kept: the last one counts; withdrawn ones stay for the record.
create table bid_submissions (
  id uuid primary key default gen_random_uuid(),
  bid_id uuid not null references bids (id) on delete cascade,
  tender_id uuid not null references tenders (id) on delete cascade,
  version integer not null check (version >= 1),
  -- Exactly the bytes submitted (canonical JSON), encrypted; AAD = bid id ‖ version.
  content bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  submitted_at timestamptz not null,
  submitted_by uuid references users (id),
  valid_until date not null,
  withdrawn_at timestamptz,
  unique (bid_id, version)
);

create table files (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions (id),
  -- Bid files are encrypted under the tender's key; a combination's covenant has no tender.
  tender_id uuid references tenders (id) on delete cascade,
  organisation_id uuid not null references organisations (id),
  purpose text not null check (purpose in ('bid', 'covenant')),
  -- A bid file belongs to one bid (and its access follows the bid's); a covenant to a combination.
  bid_id uuid references bids (id) on delete cascade,
  -- Encrypted JSON { "name": original file name }: a file name can give a bid away.
  meta bytea not null,
  media_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  check ((purpose = 'bid') = (bid_id is not null and tender_id is not null)),
  uploaded_by uuid references users (id),
  uploaded_at timestamptz not null
);
create index files_owner on files (organisation_id, tender_id);
create index files_bid on files (bid_id);

-- The files a submission included, with the hash they had: a file a submission names cannot be deleted.
create table submission_files (
  submission_id uuid not null references bid_submissions (id) on delete cascade,
  file_id uuid not null references files (id),
  sha256 text not null,
  primary key (submission_id, file_id)
);

alter table organisations add column covenant_file_id uuid references files (id);

create table closing_extensions (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  previous_closes_at timestamptz not null,
  closes_at timestamptz not null,
  reason text not null check (length(reason) between 1 and 2000),
  extended_by uuid references users (id),
  extended_at timestamptz not null,
  check (closes_at > previous_closes_at)
);

-- The opening needs two different procurement officers.
create table openings (
  tender_id uuid primary key references tenders (id) on delete cascade,
  first_officer uuid not null references users (id),
  first_at timestamptz not null,
  second_officer uuid references users (id),
  second_at timestamptz,
  check (second_officer is null or second_officer <> first_officer)
);

-- In-app notifications, to an organisation's users or one user; one row per recipient organisation
-- or user, all written in one transaction so everyone is told at the same moment.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions (id),
  organisation_id uuid references organisations (id),
  user_id uuid references users (id),
  tender_id uuid references tenders (id) on delete cascade,
  kind text not null check (length(kind) between 1 and 100),
  title text not null check (length(title) between 1 and 300),
  body text not null default '' check (length(body) <= 10000),
  created_at timestamptz not null,
  read_at timestamptz,
  check (num_nonnulls(organisation_id, user_id) = 1)
);
create index notifications_org on notifications (organisation_id, created_at);
create index notifications_user on notifications (user_id, created_at);
