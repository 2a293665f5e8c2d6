-- venture_cohorts (docs/read-models.md): per venture, its admission cohort and what the pipeline
-- funnel counts of it, recomputed from the raw rows for the ventures a statement on residencies,
-- graduations or ventures touched, under a lock per venture, as the other summaries are.

-- Recomputes venture_cohorts for the ventures in `ids`.
CREATE OR REPLACE FUNCTION "summaries_refresh_cohorts"(ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM summaries_lock(ARRAY(SELECT DISTINCT unnest(ids)), 7310119);
  DELETE FROM venture_cohorts WHERE venture_id = ANY(ids);
  INSERT INTO venture_cohorts (venture_id, cohort, first_entered_on, first_carrier_id, first_stage, venture_kind, industry, graduated_on, accelerated)
  SELECT DISTINCT ON (r.venture_id) r.venture_id, extract(year FROM r.entered_on)::int, r.entered_on, r.carrier_id, r.stage, v.kind, v.industry,
         (SELECT min(g.graduated_on) FROM graduations g WHERE g.venture_id = r.venture_id AND g.status = 'verified'),
         EXISTS (SELECT 1 FROM residencies a WHERE a.venture_id = r.venture_id AND a.stage = 'accelerating')
  FROM residencies r JOIN ventures v ON v.id = r.venture_id
  WHERE r.venture_id = ANY(ids)
  ORDER BY r.venture_id, r.entered_on, r.id;
END;
$$;
--> statement-breakpoint
-- The ventures of a statement's old and new rows (residencies and graduations alike).
CREATE OR REPLACE FUNCTION "summaries_cohorts_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids int[];
BEGIN
  -- A bulk load that rebuilds the summaries at its end (deferSummaries in db/summaries).
  IF current_setting('summaries.defer', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT venture_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT venture_id) INTO ids FROM (SELECT venture_id FROM new_rows UNION SELECT venture_id FROM old_rows) AS k;
  ELSE
    SELECT array_agg(DISTINCT venture_id) INTO ids FROM old_rows;
  END IF;
  PERFORM summaries_refresh_cohorts(ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A venture that changes kind (a team incorporated) or industry.
CREATE OR REPLACE FUNCTION "summaries_cohort_ventures_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids int[];
BEGIN
  IF current_setting('summaries.defer', true) = 'on' THEN RETURN NULL; END IF;
  SELECT array_agg(n.id) INTO ids FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.kind IS DISTINCT FROM o.kind OR n.industry IS DISTINCT FROM o.industry;
  PERFORM summaries_refresh_cohorts(ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "summaries_cohorts_residencies_insert" AFTER INSERT ON "residencies" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_cohorts_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_cohorts_residencies_update" AFTER UPDATE ON "residencies" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_cohorts_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_cohorts_residencies_delete" AFTER DELETE ON "residencies" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_cohorts_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_cohorts_graduations_insert" AFTER INSERT ON "graduations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_cohorts_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_cohorts_graduations_update" AFTER UPDATE ON "graduations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_cohorts_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_cohorts_graduations_delete" AFTER DELETE ON "graduations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_cohorts_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_cohorts_ventures_update" AFTER UPDATE ON "ventures" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_cohort_ventures_changed"();
--> statement-breakpoint
-- Every summary row rebuilt from the raw rows (npm run db:refresh-summaries), the ventures' cohorts too.
CREATE OR REPLACE FUNCTION "summaries_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7310118, 0);
  PERFORM set_config('summaries.whole', 'on', true);
  PERFORM set_config('summaries.rebuilding', 'on', true);
  DELETE FROM carrier_quarter_figures;
  DELETE FROM carrier_year_figures;
  DELETE FROM programme_funding;
  DELETE FROM programme_totals;
  DELETE FROM venture_cohorts;
  PERFORM summaries_refresh_quarters(coalesce((SELECT jsonb_agg(jsonb_build_object('carrier_id', carrier_id, 'year', year, 'quarter', quarter)) FROM (
    SELECT carrier_id, year::int AS year, quarter::int AS quarter FROM venture_reports
    UNION SELECT carrier_id, extract(year FROM graduated_on)::int, extract(quarter FROM graduated_on)::int FROM graduations) AS k), '[]'::jsonb));
  PERFORM summaries_refresh_programmes(coalesce((SELECT array_agg(DISTINCT program_id) FROM applications), '{}'::int[]));
  PERFORM network_figures_rebuild();
  PERFORM summaries_refresh_cohorts(ARRAY(SELECT DISTINCT venture_id FROM residencies));
  PERFORM set_config('summaries.rebuilding', 'off', true);
END;
$$;
--> statement-breakpoint
-- The cohorts of the ventures already there.
SELECT "summaries_refresh_cohorts"(ARRAY(SELECT DISTINCT venture_id FROM residencies));
