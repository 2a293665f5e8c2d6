-- How many stays carry a rule warning (cardinality(rule_warnings) > 0): the planner otherwise
-- assumes a third of them do, and reads every open stay for the committee's admission warnings
-- instead of the residencies_open_warnings_idx partial index. Gathered by the ANALYZE below and
-- every later one.
CREATE STATISTICS IF NOT EXISTS "residencies_rule_warnings_stats" ON (cardinality("rule_warnings")) FROM "residencies";--> statement-breakpoint
ANALYZE "residencies";
