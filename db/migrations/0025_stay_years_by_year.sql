-- stay_year_figures recomputed for the years a statement touched: a quarterly report changes only
-- its year's rows of its venture, so a quarter filed for many ventures no longer rewrites every
-- year of each (docs/read-models.md). Residencies, graduations and ventures still recompute all
-- the years of the ventures they touch.

-- Recomputes stay_year_figures for the ventures in `ids`, in the years in `years` (every year when
-- NULL): a quarterly report changes its own year's rows only.
CREATE OR REPLACE FUNCTION "summaries_refresh_stay_years"(ids int[], years int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE horizon int;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM summaries_lock(ARRAY(SELECT DISTINCT unnest(ids)), 7310120);
  SELECT max(h.year) INTO horizon FROM stay_year_horizon h;
  DELETE FROM stay_year_figures WHERE venture_id = ANY(ids) AND (years IS NULL OR year = ANY(years));
  INSERT INTO stay_year_figures (year, carrier_id, venture_id, entered_on, area_m2, at_year_end, covered, reports, revenue_fen,
    net_profit_fen, rd_spend_fen, tax_fen, financing_fen, employees, ip_filed, ip_granted, invention_patents, graduated_on,
    name, kind, industry, founded_on, no_credit_code, no_technical_field)
  WITH ry AS (
    SELECT r.venture_id, r.carrier_id, y.year, r.entered_on, r.left_on, r.area_m2
    FROM residencies r
    CROSS JOIN LATERAL generate_series(extract(year FROM r.entered_on)::int,
      coalesce(extract(year FROM r.left_on)::int, greatest(coalesce(horizon, 0), extract(year FROM r.entered_on)::int))) AS y(year)
    WHERE r.venture_id = ANY(ids) AND (years IS NULL OR y.year = ANY(years))
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
    WHERE vr.venture_id = ANY(ids) AND (years IS NULL OR vr.year = ANY(years))
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
-- Every year of the ventures in `ids` (the callers of migration 0024).
CREATE OR REPLACE FUNCTION "summaries_refresh_stay_years"(ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM summaries_refresh_stay_years(ids, NULL::int[]);
END;
$$;
--> statement-breakpoint
-- The ventures of a quarterly-report statement's old and new rows, and the years of those rows.
CREATE OR REPLACE FUNCTION "summaries_stay_year_reports_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids int[];
DECLARE years int[];
BEGIN
  IF current_setting('summaries.defer', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT venture_id), array_agg(DISTINCT year::int) INTO ids, years FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT venture_id), array_agg(DISTINCT year) INTO ids, years
    FROM (SELECT venture_id, year::int AS year FROM new_rows UNION SELECT venture_id, year::int FROM old_rows) AS k;
  ELSE
    SELECT array_agg(DISTINCT venture_id), array_agg(DISTINCT year::int) INTO ids, years FROM old_rows;
  END IF;
  PERFORM summaries_refresh_stay_years(ids, years);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "summaries_stay_years_reports_insert" ON "venture_reports";
--> statement-breakpoint
DROP TRIGGER "summaries_stay_years_reports_update" ON "venture_reports";
--> statement-breakpoint
DROP TRIGGER "summaries_stay_years_reports_delete" ON "venture_reports";
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_reports_insert" AFTER INSERT ON "venture_reports" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_year_reports_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_reports_update" AFTER UPDATE ON "venture_reports" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_year_reports_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_stay_years_reports_delete" AFTER DELETE ON "venture_reports" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_stay_year_reports_changed"();
