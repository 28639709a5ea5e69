-- A step that is not a decision may name the later step the procedure goes on to once it is finished (where a
-- decision's arm rejoins); executions copy it with the rest of the step.
alter table execution_step add column next_step text;
