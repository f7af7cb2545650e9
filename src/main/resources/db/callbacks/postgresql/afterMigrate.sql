-- After every migration (so tables of later migrations are covered too), as the owner: the application's role (created
-- by the operator, see README "Database roles"; its name is the application's datasource user) gets read and write on
-- every table and the use of every sequence, except the append-only access log (read and add only), the head of its
-- hash chain (read and move on) and Flyway's history (nothing). It owns nothing, so it cannot alter or drop a table, a
-- trigger or a function.
grant usage on schema ${flyway:defaultSchema} to ${appuser};
grant select, insert, update, delete on all tables in schema ${flyway:defaultSchema} to ${appuser};
revoke all on ${flyway:table} from ${appuser};
revoke all on audit_event from ${appuser};
grant select, insert on audit_event to ${appuser};
revoke all on audit_chain_head from ${appuser};
grant select, update on audit_chain_head to ${appuser};
grant usage, select on all sequences in schema ${flyway:defaultSchema} to ${appuser};
