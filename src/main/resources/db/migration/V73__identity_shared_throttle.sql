-- Failed attempts counted by the throttles that guard logins (per user name and per address), second-factor codes (per
-- account) and personal links (per address), shared by every instance of the application (issue 15): two instances
-- behind a load balancer must not double an attacker's tries. One row per throttle and key; the key is stored only as
-- its SHA-256 hash (no user name or address at rest). A key is blocked while failures reached the throttle's maximum
-- and its last failure is more recent than the throttle's quiet period; rows older than that period are deleted by the
-- next failure of the same throttle. See identity.FailureThrottle.
create table throttle_failure (
    throttle varchar(40) not null,
    key_hash varchar(64) not null,
    failures integer not null,
    last_failure_at timestamp with time zone not null,
    constraint throttle_failure_pk primary key (throttle, key_hash)
);
create index throttle_failure_last_ix on throttle_failure (throttle, last_failure_at);
