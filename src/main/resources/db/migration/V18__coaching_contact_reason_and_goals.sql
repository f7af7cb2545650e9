-- Each contact carries the reason the hours were needed and may be linked to goals of the coaching plan.
alter table contact add column reason varchar(200);

create table contact_goal (
    contact_id bigint not null references contact (id) on delete cascade,
    goal_id bigint not null references goal (id),
    primary key (contact_id, goal_id)
);
create index contact_goal_goal_ix on contact_goal (goal_id);
