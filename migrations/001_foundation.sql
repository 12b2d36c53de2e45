-- Foundation: regions (tenants), municipalities, organisations, accounts and sessions, the tender
-- structure (lots → segments → subsegments), the timeline and the append-only audit chain.
-- Written to the PostgreSQL 15 subset so that it runs on PGlite and on the server alike.

create table regions (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(name) between 1 and 200),
  -- The region's own theme on top of the NL Design System tokens, e.g. {"primary": "#00506e"}.
  theme jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table municipalities (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions (id),
  cbs_code text not null check (cbs_code ~ '^GM[0-9]{4}$'),
  name text not null check (length(name) between 1 and 200),
  unique (region_id, cbs_code),
  unique (region_id, id)
);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions (id),
  name text not null check (length(name) between 1 and 300),
  created_at timestamptz not null default now(),
  unique (region_id, id)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions (id),
  email text not null check (email = lower(email) and email like '%_@_%'),
  name text not null check (length(name) between 1 and 200),
  role text not null check (role in ('administrator', 'procurement_officer', 'assessor', 'contract_manager',
                                      'municipality_viewer', 'provider')),
  organisation_id uuid references organisations (id),
  municipality_id uuid references municipalities (id),
  password_hash text not null,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  unique (email),
  -- A provider user acts for exactly one organisation; a municipality viewer sees one municipality.
  check ((role = 'provider') = (organisation_id is not null)),
  check ((role = 'municipality_viewer') = (municipality_id is not null))
);

create table sessions (
  -- SHA-256 of the cookie's token: a stolen table does not yield usable sessions.
  token_hash text primary key,
  user_id uuid not null references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table tenders (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions (id),
  name text not null check (length(name) between 1 and 200),
  reference text,
  -- Procedure: niet-openbaar met voorselectie (restricted with pre-selection) by default.
  procedure text not null default 'restricted' check (procedure in ('restricted', 'open', 'open_house')),
  -- Full regime, or the light regime for social and other specific services (Aw 2012 art. 2.38/2.39).
  regime text not null default 'light' check (regime in ('full', 'light')),
  electronic_submission boolean not null default true,
  -- Periods the tender announces in its guide; under the light regime they bind it.
  announced_participation_days integer check (announced_participation_days > 0),
  announced_tender_days integer check (announced_tender_days > 0),
  announced_standstill_days integer check (announced_standstill_days > 0),
  contract_initial_years integer not null default 3 check (contract_initial_years between 1 and 20),
  contract_extensions integer not null default 2 check (contract_extensions between 0 and 10),
  contract_extension_years integer not null default 2 check (contract_extension_years between 0 and 10),
  copied_from uuid references tenders (id),
  created_at timestamptz not null default now(),
  unique (region_id, name),
  unique (region_id, id)
);

-- The municipalities that buy together in this tender (all 8 in Inkoop 2022; 5 of 8 buy Hulp bij het Huishouden).
create table tender_municipalities (
  tender_id uuid not null references tenders (id) on delete cascade,
  municipality_id uuid not null references municipalities (id),
  primary key (tender_id, municipality_id)
);

create table lots (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text not null check (length(name) between 1 and 200),
  position integer not null default 0,
  unique (tender_id, code)
);

create table segments (
  id uuid primary key default gen_random_uuid(),
  lot_id uuid not null references lots (id) on delete cascade,
  tender_id uuid not null references tenders (id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text not null check (length(name) between 1 and 200),
  former_name text,
  -- bekostiging: lumpsum, populatiebekostiging or PxQ (price × quantity per indication)
  financing text not null check (financing in ('lumpsum', 'population_budget', 'pxq')),
  contract_start date,
  -- The number of providers to contract, fixed and published in advance (or a min–max band).
  select_min integer check (select_min >= 1),
  select_max integer check (select_max >= 1),
  position integer not null default 0,
  unique (tender_id, code),
  check (select_min is null or select_max is null or select_min <= select_max)
);

create table subsegments (
  id uuid primary key default gen_random_uuid(),
  segment_id uuid not null references segments (id) on delete cascade,
  tender_id uuid not null references tenders (id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text not null check (length(name) between 1 and 200),
  description text,
  -- Null: the segment's financing; set where a subsegment differs (Wmo Persoonlijke Verzorging is PxQ).
  financing text check (financing in ('lumpsum', 'population_budget', 'pxq')),
  position integer not null default 0,
  unique (tender_id, code)
);

-- Assessors (beoordelaars) see only the segments assigned to them.
create table user_segments (
  user_id uuid not null references users (id) on delete cascade,
  segment_id uuid not null references segments (id) on delete cascade,
  primary key (user_id, segment_id)
);

create table phases (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  number integer not null check (number between 0 and 99),
  name text not null check (length(name) between 1 and 300),
  starts_on date,
  ends_on date,
  description text,
  unique (tender_id, number),
  check (starts_on is null or ends_on is null or starts_on <= ends_on)
);

create table milestones (
  id uuid primary key default gen_random_uuid(),
  tender_id uuid not null references tenders (id) on delete cascade,
  kind text not null check (kind in ('decision', 'publication', 'participation_deadline', 'selection_decision',
    'invitation', 'tender_deadline', 'award_decision', 'final_award', 'implementation_start', 'contract_start', 'other')),
  label text not null check (length(label) between 1 and 300),
  on_date date,
  position integer not null default 0
);

-- The audit chain: every change of state appends an entry in the same transaction as the change.
-- Each entry carries the SHA-256 of the previous one; the table refuses UPDATE, DELETE and TRUNCATE.
create table audit_log (
  seq bigint generated always as identity primary key,
  at timestamptz not null,
  region_id uuid,
  actor_id uuid,
  actor text not null,
  entity text not null,
  entity_id text,
  action text not null,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null unique
);
create index audit_log_region on audit_log (region_id, seq);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
