-- network_quarter_figures (docs/read-models.md) is carrier_quarter_figures added up per carrier
-- zone, kind and level. Every statement that changes carrier_quarter_figures, and every update
-- that moves carriers to another zone, kind or level, queues its differences per network key in
-- network_figure_changes; when the transaction commits, one statement adds them up and applies
-- them in key order. So the network rows are locked only for the instant of the commit, always
-- in the same order (two writers cannot deadlock on them), and a transaction that rolls back
-- leaves nothing behind.

-- Queues `rows` (carrier_quarter_figures rows as JSON, each with the zone, kind and level it
-- counts under) with the sign `sign`: 1 to add, -1 to take away.
CREATE OR REPLACE FUNCTION "network_figures_queue"(rows jsonb, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF rows IS NULL OR jsonb_array_length(rows) = 0 THEN RETURN; END IF;
  INSERT INTO network_figure_changes (changes)
  SELECT jsonb_agg(e || jsonb_build_object('sign', sign)) FROM jsonb_array_elements(rows) AS e;
END;
$$;
--> statement-breakpoint
-- Applies every change the transaction queued (a deferred trigger: runs at commit).
CREATE OR REPLACE FUNCTION "network_figures_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE merged jsonb;
BEGIN
  WITH pending AS (DELETE FROM network_figure_changes RETURNING changes)
  SELECT jsonb_agg(e) INTO merged FROM pending, jsonb_array_elements(pending.changes) AS e;
  IF merged IS NULL THEN RETURN NULL; END IF;
  INSERT INTO network_quarter_figures AS t (year, quarter, zone, kind, level, industry, reports, revenue_fen, net_profit_fen,
    rd_spend_fen, tax_fen, financing_fen, employees, ip_filed, ip_granted, high_tech, graduations, pending_graduations)
  SELECT r.year, r.quarter, r.zone, r.kind, r.level, r.industry,
         sum(s * r.reports), sum(s * r.revenue_fen), sum(s * r.net_profit_fen), sum(s * r.rd_spend_fen), sum(s * r.tax_fen),
         sum(s * r.financing_fen), sum(s * r.employees), sum(s * r.ip_filed), sum(s * r.ip_granted), sum(s * r.high_tech),
         sum(s * r.graduations), sum(s * r.pending_graduations)
  FROM jsonb_array_elements(merged) AS e, jsonb_populate_record(NULL::network_quarter_figures, e) AS r, LATERAL (SELECT (e->>'sign')::int AS s) AS x
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (year, quarter, zone, kind, level, industry) DO UPDATE SET
    reports = t.reports + excluded.reports, revenue_fen = t.revenue_fen + excluded.revenue_fen,
    net_profit_fen = t.net_profit_fen + excluded.net_profit_fen, rd_spend_fen = t.rd_spend_fen + excluded.rd_spend_fen,
    tax_fen = t.tax_fen + excluded.tax_fen, financing_fen = t.financing_fen + excluded.financing_fen,
    employees = t.employees + excluded.employees, ip_filed = t.ip_filed + excluded.ip_filed,
    ip_granted = t.ip_granted + excluded.ip_granted, high_tech = t.high_tech + excluded.high_tech,
    graduations = t.graduations + excluded.graduations, pending_graduations = t.pending_graduations + excluded.pending_graduations;
  -- A key with nothing left to count has no row, as in carrier_quarter_figures.
  DELETE FROM network_quarter_figures t
  USING (SELECT DISTINCT r.year, r.quarter, r.zone, r.kind, r.level, r.industry
         FROM jsonb_array_elements(merged) AS e, jsonb_populate_record(NULL::network_quarter_figures, e) AS r) AS k
  WHERE t.year = k.year AND t.quarter = k.quarter AND t.zone = k.zone AND t.kind = k.kind AND t.level = k.level
    AND t.industry = k.industry AND t.reports = 0 AND t.graduations = 0 AND t.pending_graduations = 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "network_figures_apply" AFTER INSERT ON "network_figure_changes"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "network_figures_apply"();
--> statement-breakpoint
-- carrier_quarter_figures changed: its old rows are taken away, its new rows added, each under
-- its carrier's zone, kind and level. The carriers are read with a share lock, so that a carrier
-- moving to another zone at the same time (below) either waits for this transaction or is seen.
CREATE OR REPLACE FUNCTION "network_figures_quarters_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('summaries.rebuilding', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM 1 FROM carriers WHERE id IN (SELECT carrier_id FROM new_rows) ORDER BY id FOR SHARE;
    PERFORM network_figures_queue((SELECT jsonb_agg(to_jsonb(f) || jsonb_build_object('zone', c.zone, 'kind', c.kind, 'level', c.level))
      FROM new_rows f JOIN carriers c ON c.id = f.carrier_id), 1);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM 1 FROM carriers WHERE id IN (SELECT carrier_id FROM old_rows) ORDER BY id FOR SHARE;
    PERFORM network_figures_queue((SELECT jsonb_agg(to_jsonb(f) || jsonb_build_object('zone', c.zone, 'kind', c.kind, 'level', c.level))
      FROM old_rows f JOIN carriers c ON c.id = f.carrier_id), -1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Carriers that changed zone, kind or level take their quarters' figures with them.
CREATE OR REPLACE FUNCTION "network_figures_carriers_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE moved int[];
BEGIN
  IF current_setting('summaries.defer', true) = 'on' OR current_setting('summaries.rebuilding', true) = 'on' THEN RETURN NULL; END IF;
  SELECT array_agg(n.id) INTO moved FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.zone IS DISTINCT FROM o.zone OR n.kind IS DISTINCT FROM o.kind OR n.level IS DISTINCT FROM o.level;
  IF moved IS NULL THEN RETURN NULL; END IF;
  PERFORM network_figures_queue((SELECT jsonb_agg(to_jsonb(f) || jsonb_build_object('zone', o.zone, 'kind', o.kind, 'level', o.level))
    FROM carrier_quarter_figures f JOIN old_rows o ON o.id = f.carrier_id WHERE f.carrier_id = ANY(moved)), -1);
  PERFORM network_figures_queue((SELECT jsonb_agg(to_jsonb(f) || jsonb_build_object('zone', n.zone, 'kind', n.kind, 'level', n.level))
    FROM carrier_quarter_figures f JOIN new_rows n ON n.id = f.carrier_id WHERE f.carrier_id = ANY(moved)), 1);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "network_figures_quarters_insert" AFTER INSERT ON "carrier_quarter_figures" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "network_figures_quarters_changed"();
--> statement-breakpoint
CREATE TRIGGER "network_figures_quarters_update" AFTER UPDATE ON "carrier_quarter_figures" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "network_figures_quarters_changed"();
--> statement-breakpoint
CREATE TRIGGER "network_figures_quarters_delete" AFTER DELETE ON "carrier_quarter_figures" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "network_figures_quarters_changed"();
--> statement-breakpoint
CREATE TRIGGER "network_figures_carriers_update" AFTER UPDATE ON "carriers" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "network_figures_carriers_changed"();
--> statement-breakpoint
-- The rebuild sums network_quarter_figures from carrier_quarter_figures once, at its end, instead
-- of queueing the differences of every key it rebuilds; what the transaction had queued before
-- is in that sum already.
CREATE OR REPLACE FUNCTION "network_figures_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM network_figure_changes;
  DELETE FROM network_quarter_figures;
  INSERT INTO network_quarter_figures (year, quarter, zone, kind, level, industry, reports, revenue_fen, net_profit_fen,
    rd_spend_fen, tax_fen, financing_fen, employees, ip_filed, ip_granted, high_tech, graduations, pending_graduations)
  SELECT f.year, f.quarter, c.zone, c.kind, c.level, f.industry, sum(f.reports), sum(f.revenue_fen), sum(f.net_profit_fen),
         sum(f.rd_spend_fen), sum(f.tax_fen), sum(f.financing_fen), sum(f.employees), sum(f.ip_filed), sum(f.ip_granted),
         sum(f.high_tech), sum(f.graduations), sum(f.pending_graduations)
  FROM carrier_quarter_figures f JOIN carriers c ON c.id = f.carrier_id
  GROUP BY 1, 2, 3, 4, 5, 6;
END;
$$;
--> statement-breakpoint
-- Recomputes programme_funding for the programmes in `ids`, and their totals (programme_totals)
-- from it, under the same per-programme lock.
CREATE OR REPLACE FUNCTION "summaries_refresh_programmes"(ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM summaries_lock(ARRAY(SELECT DISTINCT unnest(ids)), 7310117);
  DELETE FROM programme_funding WHERE program_id = ANY(ids);
  INSERT INTO programme_funding (program_id, carrier_id, industry, committed_fen, paid_fen, awards)
  SELECT a.program_id, a.carrier_id, coalesce(v.industry::text, ''),
         coalesce(sum(CASE WHEN a.status IN ('approved', 'paid', 'accepted') THEN coalesce(a.final_fen, a.approved_fen, 0)
                           WHEN a.status = 'acceptance_failed' THEN a.paid_fen ELSE 0 END), 0),
         coalesce(sum(a.paid_fen), 0),
         count(*) FILTER (WHERE a.status IN ('approved', 'paid', 'accepted', 'acceptance_failed'))::int
  FROM applications a LEFT JOIN ventures v ON v.id = a.venture_id
  WHERE a.program_id = ANY(ids)
  GROUP BY 1, 2, 3;
  DELETE FROM programme_totals WHERE program_id = ANY(ids);
  INSERT INTO programme_totals (program_id, committed_fen, paid_fen, awards)
  SELECT program_id, sum(committed_fen), sum(paid_fen), sum(awards) FROM programme_funding WHERE program_id = ANY(ids) GROUP BY 1;
END;
$$;
--> statement-breakpoint
-- Every summary row rebuilt from the raw rows (npm run db:refresh-summaries), the network's
-- quarters last.
CREATE OR REPLACE FUNCTION "summaries_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7310118, 0);
  PERFORM set_config('summaries.whole', 'on', true);
  PERFORM set_config('summaries.rebuilding', 'on', true);
  DELETE FROM carrier_quarter_figures;
  DELETE FROM carrier_year_figures;
  DELETE FROM programme_funding;
  DELETE FROM programme_totals;
  PERFORM summaries_refresh_quarters(coalesce((SELECT jsonb_agg(jsonb_build_object('carrier_id', carrier_id, 'year', year, 'quarter', quarter)) FROM (
    SELECT carrier_id, year::int AS year, quarter::int AS quarter FROM venture_reports
    UNION SELECT carrier_id, extract(year FROM graduated_on)::int, extract(quarter FROM graduated_on)::int FROM graduations) AS k), '[]'::jsonb));
  PERFORM summaries_refresh_programmes(coalesce((SELECT array_agg(DISTINCT program_id) FROM applications), '{}'::int[]));
  PERFORM network_figures_rebuild();
  PERFORM set_config('summaries.rebuilding', 'off', true);
END;
$$;
--> statement-breakpoint
-- The new summaries of the rows already there.
SELECT "summaries_rebuild"();
