-- A questionnaire answered on paper can be entered afterwards by the coach, with the day it was answered: completed_at
-- then holds that day (noon, in the application's time zone) and entered_afterwards_at when the coach typed it in. The
-- wave indicators keep the day the employee answered, so they use the real date too.
alter table response add column entered_afterwards_at timestamp with time zone;

alter table wave_indicator add column employee_answered_on date;
