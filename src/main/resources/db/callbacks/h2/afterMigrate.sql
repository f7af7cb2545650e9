-- After every migration (so tables of later migrations are covered too), as the owner: the application's user (created
-- here on the embedded H2; its name and password are the application's datasource settings) gets read and write on
-- every table, except the append-only access log (read and add only), the head of its hash chain (read and move on)
-- and Flyway's history (nothing). It owns nothing and is no admin, so it cannot alter or drop a table or a trigger.
create user if not exists ${appuser} password '${apppassword}';
alter user ${appuser} set password '${apppassword}';
execute immediate (select 'grant select, insert, update, delete on '
    || listagg('"' || table_schema || '"."' || table_name || '"', ', ') || ' to ${appuser}'
    from information_schema.tables
    where table_schema = current_schema and table_type = 'BASE TABLE'
      and table_name not in ('AUDIT_EVENT', 'AUDIT_CHAIN_HEAD', '${flyway:table}'));
revoke all on audit_event from ${appuser};
grant select, insert on audit_event to ${appuser};
revoke all on audit_chain_head from ${appuser};
grant select, update on audit_chain_head to ${appuser};
