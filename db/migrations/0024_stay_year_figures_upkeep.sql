-- stay_year_figures (docs/read-models.md): per venture, carrier and year of a stay, what the
-- statistics page's tenant pass reads, recomputed from the raw rows for the ventures a statement
-- on residencies, venture_reports, graduations or ventures touched, under a lock per venture as
-- the other summaries are. Stays still open have rows up to stay_year_horizon's year, which
-- summaries_extend_stay_years moves on (under the lock of the whole summaries, so no writer
-- computes a venture's rows against the old horizon meanwhile).

INSERT INTO "stay_year_horizon" ("year") VALUES (extract(year FROM current_date)::int);
--> statement-breakpoint
-- What the statistics page's pass over a year reads of every tenant, from the index alone.
CREATE INDEX "stay_year_figures_year_cover" ON "stay_year_figures" ("year", "carrier_id", "venture_id")
  INCLUDE ("name", "revenue_fen", "net_profit_fen", "rd_spend_fen", "tax_fen", "financing_fen", "employees", "ip_filed", "ip_granted",
           "invention_patents", "area_m2", "at_year_end", "entered_on", "reports", "covered", "kind", "industry", "founded_on",
           "no_credit_code", "no_technical_field", "graduated_on");
--> statement-breakpoint
-- Recomputes stay_year_figures for the ventures in `ids`.
CREATE OR REPLACE FUNCTION "summaries_refresh_stay_years"(ids int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE horizon int;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM summaries_lock(ARRAY(SELECT DISTINCT unnest(ids)), 7310120);
  SELECT max(h.year) INTO horizon FROM stay_year_horizon h;
  DELETE FROM stay_year_figures WHERE venture_id = ANY(ids);
  INSERT INTO stay_year_figures (year, carrier_id, venture_id, entered_on, area_m2, at_year_end, covered, reports, revenue_fen,
    net_profit_fen, rd_spend_fen, tax_fen, financing_fen, employees, ip_filed, ip_granted, invention_patents, graduated_on,
    name, kind, industry, founded_on, no_credit_code, no_technical_field)
  WITH ry AS (
    SELECT r.venture_id, r.carrier_id, y.year, r.entered_on, r.left_on, r.area_m2
    FROM residencies r
    CROSS JOIN LATERAL generate_series(extract(year FROM r.entered_on)::int,
      coalesce(extract(year FROM r.left_on)::int, greatest(coalesce(horizon, 0), extract(year FROM r.entered_on)::int))) AS y(year)
    WHERE r.venture_id = ANY(ids)
  ),
  s AS (
    SELECT ry.venture_id, ry.carrier_id, ry.year, min(ry.entered_on) AS entered_on,
           (max(ARRAY[ry.entered_on - DATE '2000-01-01', ry.area_m2]))[2] AS area_m2,
           bool_or(ry.left_on IS NULL OR ry.left_on > make_date(ry.year, 12, 31)) AS at_year_end,
           -- (|, & and << bind alike and from the left in PostgreSQL: each bit in its own brackets.)
           ((bool_or(ry.entered_on <= make_date(ry.year, 3, 31) AND (ry.left_on IS NULL OR ry.left_on > make_date(ry.year, 3, 31)))::int)
            | (bool_or(ry.entered_on <= make_date(ry.year, 6, 30) AND (ry.left_on IS NULL OR ry.left_on > make_date(ry.year, 6, 30)))::int << 1)
            | (bool_or(ry.entered_on <= make_date(ry.year, 9, 30) AND (ry.left_on IS NULL OR ry.left_on > make_date(ry.year, 9, 30)))::int << 2)
            | (bool_or(ry.entered_on <= make_date(ry.year, 12, 31) AND (ry.left_on IS NULL OR ry.left_on > make_date(ry.year, 12, 31)))::int << 3)
           )::smallint AS covered
    FROM ry GROUP BY ry.venture_id, ry.carrier_id, ry.year
  ),
  p AS (
    SELECT vr.venture_id, vr.carrier_id, vr.year::int AS year, count(*)::int AS reports,
           sum(vr.revenue_fen) AS revenue, sum(vr.net_profit_fen) AS profit, sum(vr.rd_spend_fen) AS rd,
           sum(vr.tax_fen) AS tax, sum(vr.financing_fen) AS financing,
           (max((vr.quarter::bigint << 32) | vr.employees) & 4294967295)::int AS employees,
           sum(vr.ip_filed)::int AS ip_filed, sum(vr.ip_granted)::int AS ip_granted, max(vr.invention_patents)::int AS patents
    FROM venture_reports vr
    WHERE vr.venture_id = ANY(ids)
    GROUP BY vr.venture_id, vr.carrier_id, vr.year
  )
  SELECT s.year, s.carrier_id, s.venture_id, s.entered_on, s.area_m2, s.at_year_end, s.covered,
         coalesce(p.reports, 0), coalesce(p.revenue, 0), coalesce(p.profit, 0), coalesce(p.rd, 0), coalesce(p.tax, 0),
         coalesce(p.financing, 0), coalesce(p.employees, 0), coalesce(p.ip_filed, 0), coalesce(p.ip_granted, 0), coalesce(p.patents, 0),
         (SELECT max(g.graduated_on) FROM graduations g
          WHERE g.venture_id = s.venture_id AND g.carrier_id = s.carrier_id AND g.status = 'verified' AND g.graduated_on <= make_date(s.year, 12, 31)),
         v.name, v.kind, v.industry, v.founded_on, coalesce(v.credit_code, '') = '', coalesce(v.technical_field, '') = ''
  FROM s
  JOIN ventures v ON v.id = s.venture_id
  LEFT JOIN p ON p.venture_id = s.venture_id AND p.carrier_id = s.carrier_id AND p.year = s.year;
END;
$$;
--> statement-breakpoint
-- The ventures of a statement's old and new rows (residencies, venture_reports and graduations alike).
CREATE OR REPLACE FUNCTION "summaries_stay_years_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM summaries_refresh_stay_years(ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A venture whose name or checked fields change.
CREATE OR REPLACE FUNCTION "summaries_stay_year_ventures_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids int[];
BEGIN
  IF current_setting('summaries.defer', true) = 'on' THEN RETURN NULL; END IF;
  SELECT array_agg(n.id) INTO ids FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.name IS DISTINCT FROM o.name OR n.kind IS DISTINCT FROM o.kind OR n.industry IS DISTINCT FROM o.industry
       OR n.founded_on IS DISTINCT FROM o.founded_on OR n.credit_code IS DISTINCT FROM o.credit_code
       OR n.technical_field IS DISTINCT FROM o.technical_field;
  PERFORM summaries_refresh_stay_years(ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_residencies_insert" AFTER INSERT ON "residencies" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_years_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_residencies_update" AFTER UPDATE ON "residencies" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_years_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_residencies_delete" AFTER DELETE ON "residencies" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_years_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_reports_insert" AFTER INSERT ON "venture_reports" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_years_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_reports_update" AFTER UPDATE ON "venture_reports" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_years_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_reports_delete" AFTER DELETE ON "venture_reports" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_years_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_graduations_insert" AFTER INSERT ON "graduations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_years_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_graduations_update" AFTER UPDATE ON "graduations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_years_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_graduations_delete" AFTER DELETE ON "graduations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_years_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_ventures_update" AFTER UPDATE ON "ventures" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_year_ventures_changed"();
--> statement-breakpoint
-- Moves the horizon on to `target` (no further back): the stays still open, or left after the
-- old horizon, get their rows of the new years. Under the lock of the whole summaries, which
-- every writer holds shared while it recomputes, so none recomputes against the old horizon.
CREATE OR REPLACE FUNCTION "summaries_extend_stay_years"(target int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE horizon int;
BEGIN
  SELECT max(h.year) INTO horizon FROM stay_year_horizon h;
  IF horizon IS NOT NULL AND horizon >= target THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(7310118, 0);
  SELECT max(h.year) INTO horizon FROM stay_year_horizon h;
  IF horizon IS NOT NULL AND horizon >= target THEN RETURN; END IF;
  PERFORM set_config('summaries.whole', 'on', true);
  DELETE FROM stay_year_horizon;
  INSERT INTO stay_year_horizon (year) VALUES (target);
  PERFORM summaries_refresh_stay_years(ARRAY(SELECT DISTINCT r.venture_id FROM residencies r
    WHERE r.left_on IS NULL OR r.left_on > make_date(coalesce(horizon, 0), 12, 31)));
END;
$$;
--> statement-breakpoint
-- Recomputes carrier_quarter_figures and carrier_year_figures for the (carrier_id, year, quarter)
-- keys in `keys`, a JSON array of {carrier_id, year, quarter}; a carrier's year now holds its
-- reports' money figures summed too.
CREATE OR REPLACE FUNCTION "summaries_refresh_quarters"(keys jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF keys IS NULL OR jsonb_array_length(keys) = 0 THEN RETURN; END IF;
  PERFORM summaries_lock(ARRAY(SELECT DISTINCT hashtext(x.carrier_id || '/' || x.year)
    FROM jsonb_to_recordset(keys) AS x(carrier_id int, year int, quarter int)), 7310116);

  DELETE FROM carrier_quarter_figures f USING (SELECT DISTINCT x.carrier_id, x.year, x.quarter FROM jsonb_to_recordset(keys) AS x(carrier_id int, year int, quarter int)) k
    WHERE f.carrier_id = k.carrier_id AND f.year = k.year AND f.quarter = k.quarter;
  WITH rep AS (
    SELECT vr.carrier_id, vr.year::int AS year, vr.quarter::int AS quarter, v.industry,
           count(*)::int AS reports, sum(vr.revenue_fen) AS revenue_fen, sum(vr.net_profit_fen) AS net_profit_fen,
           sum(vr.rd_spend_fen) AS rd_spend_fen, sum(vr.tax_fen) AS tax_fen, sum(vr.financing_fen) AS financing_fen,
           sum(vr.employees) AS employees, sum(vr.ip_filed) AS ip_filed, sum(vr.ip_granted) AS ip_granted,
           count(*) FILTER (WHERE v.high_tech_cert_on <= (make_date(vr.year::int, vr.quarter::int * 3, 1) + interval '1 month' - interval '1 day')::date)::int AS high_tech
    FROM venture_reports vr
    JOIN (SELECT DISTINCT x.carrier_id, x.year, x.quarter FROM jsonb_to_recordset(keys) AS x(carrier_id int, year int, quarter int)) k ON k.carrier_id = vr.carrier_id AND k.year = vr.year AND k.quarter = vr.quarter
    JOIN ventures v ON v.id = vr.venture_id
    GROUP BY 1, 2, 3, 4
  ), grad AS (
    SELECT g.carrier_id, k.year, k.quarter, v.industry,
           count(*) FILTER (WHERE g.status = 'verified')::int AS graduations,
           count(*) FILTER (WHERE g.status = 'pending')::int AS pending_graduations
    FROM graduations g
    JOIN (SELECT DISTINCT x.carrier_id, x.year, x.quarter FROM jsonb_to_recordset(keys) AS x(carrier_id int, year int, quarter int)) k ON k.carrier_id = g.carrier_id
      AND g.graduated_on BETWEEN make_date(k.year, k.quarter * 3 - 2, 1) AND (make_date(k.year, k.quarter * 3, 1) + interval '1 month' - interval '1 day')::date
    JOIN ventures v ON v.id = g.venture_id
    GROUP BY 1, 2, 3, 4
  )
  INSERT INTO carrier_quarter_figures (carrier_id, year, quarter, industry, reports, revenue_fen, net_profit_fen, rd_spend_fen,
    tax_fen, financing_fen, employees, ip_filed, ip_granted, high_tech, graduations, pending_graduations)
  SELECT carrier_id, year, quarter, industry, coalesce(r.reports, 0), coalesce(r.revenue_fen, 0), coalesce(r.net_profit_fen, 0),
         coalesce(r.rd_spend_fen, 0), coalesce(r.tax_fen, 0), coalesce(r.financing_fen, 0), coalesce(r.employees, 0),
         coalesce(r.ip_filed, 0), coalesce(r.ip_granted, 0), coalesce(r.high_tech, 0),
         coalesce(g.graduations, 0), coalesce(g.pending_graduations, 0)
  FROM rep r FULL JOIN grad g USING (carrier_id, year, quarter, industry)
  WHERE coalesce(r.reports, 0) > 0 OR coalesce(g.graduations, 0) > 0 OR coalesce(g.pending_graduations, 0) > 0;

  DELETE FROM carrier_year_figures f USING (SELECT DISTINCT carrier_id, year FROM (SELECT DISTINCT x.carrier_id, x.year, x.quarter FROM jsonb_to_recordset(keys) AS x(carrier_id int, year int, quarter int)) AS s) k
    WHERE f.carrier_id = k.carrier_id AND f.year = k.year;
  INSERT INTO carrier_year_figures (carrier_id, year, reporting_tenants, employees, revenue_fen, rd_spend_fen, tax_fen, financing_fen)
  SELECT carrier_id, year, count(*)::int, coalesce(sum(employees), 0), coalesce(sum(revenue_fen), 0), coalesce(sum(rd_spend_fen), 0),
         coalesce(sum(tax_fen), 0), coalesce(sum(financing_fen), 0)
  FROM (SELECT vr.carrier_id, vr.year, vr.venture_id, (array_agg(vr.employees ORDER BY vr.quarter DESC))[1] AS employees,
               sum(vr.revenue_fen) AS revenue_fen, sum(vr.rd_spend_fen) AS rd_spend_fen, sum(vr.tax_fen) AS tax_fen,
               sum(vr.financing_fen) AS financing_fen
        FROM venture_reports vr
        JOIN (SELECT DISTINCT carrier_id, year FROM (SELECT DISTINCT x.carrier_id, x.year, x.quarter FROM jsonb_to_recordset(keys) AS x(carrier_id int, year int, quarter int)) AS s) k ON k.carrier_id = vr.carrier_id AND k.year = vr.year
        GROUP BY 1, 2, 3) AS t
  GROUP BY 1, 2;
END;
$$;
--> statement-breakpoint
-- Every summary row rebuilt from the raw rows (npm run db:refresh-summaries), the stays' years too.
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
  DELETE FROM stay_year_figures;
  -- A horizon at least this year's (a database restored without one gets one).
  INSERT INTO stay_year_horizon (year) SELECT extract(year FROM current_date)::int WHERE NOT EXISTS (SELECT 1 FROM stay_year_horizon);
  PERFORM summaries_refresh_quarters(coalesce((SELECT jsonb_agg(jsonb_build_object('carrier_id', carrier_id, 'year', year, 'quarter', quarter)) FROM (
    SELECT carrier_id, year::int AS year, quarter::int AS quarter FROM venture_reports
    UNION SELECT carrier_id, extract(year FROM graduated_on)::int, extract(quarter FROM graduated_on)::int FROM graduations) AS k), '[]'::jsonb));
  PERFORM summaries_refresh_programmes(coalesce((SELECT array_agg(DISTINCT program_id) FROM applications), '{}'::int[]));
  PERFORM network_figures_rebuild();
  PERFORM summaries_refresh_cohorts(ARRAY(SELECT DISTINCT venture_id FROM residencies));
  PERFORM summaries_refresh_stay_years(ARRAY(SELECT DISTINCT venture_id FROM residencies));
  PERFORM set_config('summaries.rebuilding', 'off', true);
END;
$$;
--> statement-breakpoint
-- The stays already there.
SELECT "summaries_refresh_stay_years"(ARRAY(SELECT DISTINCT venture_id FROM residencies));
--> statement-breakpoint
-- The carriers' years already there get their money figures.
UPDATE "carrier_year_figures" y SET revenue_fen = s.revenue_fen, rd_spend_fen = s.rd_spend_fen, tax_fen = s.tax_fen, financing_fen = s.financing_fen
FROM (SELECT carrier_id, year, sum(revenue_fen) AS revenue_fen, sum(rd_spend_fen) AS rd_spend_fen, sum(tax_fen) AS tax_fen, sum(financing_fen) AS financing_fen
      FROM venture_reports GROUP BY carrier_id, year) AS s
WHERE y.carrier_id = s.carrier_id AND y.year = s.year;
