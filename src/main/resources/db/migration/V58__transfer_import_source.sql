-- Issue 14, the import of caseloads. Each imported row carries the source system's own id; this table maps it, per
-- organisation and kind of row, to the row it became, so a second import of the same file updates that row and never
-- adds a duplicate. The internal id is not a foreign key: the kinds live in different tables (employee, employer,
-- trajectory, contact, goal); a mapping whose row is gone (a contact deleted since) is replaced by the next import.
create table import_source (
    organisation_id bigint not null references organisation (id),
    kind varchar(20) not null,
    source_id varchar(100) not null,
    internal_id bigint not null,
    imported_at timestamp with time zone not null,
    primary key (organisation_id, kind, source_id)
);
create index import_source_internal_ix on import_source (kind, internal_id);
