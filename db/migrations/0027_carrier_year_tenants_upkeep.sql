-- carrier_year_tenants (docs/read-models.md): stay_year_figures added up per carrier and year,
-- with the tenants' worst checks counted for each number of quarters due, so that the statistics
-- page totals and pages its tenant table and checks list from one row per carrier. Recomputed for
-- the carriers' years whose stays a statement changed, under a lock per carrier and year. The
-- covering index of stay_year_figures, which the page's pass over every tenant read, goes.

DROP INDEX IF EXISTS "stay_year_figures_year_cover";
--> statement-breakpoint
-- Recomputes carrier_year_tenants for the carriers' years in `keys` (year << 32 | carrier_id).
CREATE OR REPLACE FUNCTION "summaries_refresh_carrier_years"(keys bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF keys IS NULL OR cardinality(keys) = 0 THEN RETURN; END IF;
  PERFORM summaries_lock(ARRAY(SELECT DISTINCT hashtext((k >> 32) || '/' || (k & 4294967295)) FROM unnest(keys) AS k), 7310121);
  DELETE FROM carrier_year_tenants t USING (SELECT DISTINCT (k >> 32)::int AS year, (k & 4294967295)::int AS carrier_id FROM unnest(keys) AS k) x
    WHERE t.year = x.year AND t.carrier_id = x.carrier_id;
  INSERT INTO carrier_year_tenants (year, carrier_id, tenants, tenants_at_end, new_tenants, occupied_m2, revenue_fen, errors, warnings)
  SELECT s.year, s.carrier_id, count(*)::int, (count(*) FILTER (WHERE s.at_year_end))::int,
         (count(*) FILTER (WHERE s.entered_on >= make_date(s.year, 1, 1)))::int,
         coalesce(sum(s.area_m2) FILTER (WHERE s.at_year_end), 0), sum(s.revenue_fen),
         ARRAY[(count(*) FILTER (WHERE (s.error_levels & 1) <> 0))::int, (count(*) FILTER (WHERE (s.error_levels & 2) <> 0))::int,
               (count(*) FILTER (WHERE (s.error_levels & 4) <> 0))::int, (count(*) FILTER (WHERE (s.error_levels & 8) <> 0))::int,
               (count(*) FILTER (WHERE (s.error_levels & 16) <> 0))::int],
         ARRAY[(count(*) FILTER (WHERE (s.warning_levels & 1) <> 0))::int, (count(*) FILTER (WHERE (s.warning_levels & 2) <> 0))::int,
               (count(*) FILTER (WHERE (s.warning_levels & 4) <> 0))::int, (count(*) FILTER (WHERE (s.warning_levels & 8) <> 0))::int,
               (count(*) FILTER (WHERE (s.warning_levels & 16) <> 0))::int]
  FROM stay_year_figures s
  JOIN (SELECT DISTINCT (k >> 32)::int AS year, (k & 4294967295)::int AS carrier_id FROM unnest(keys) AS k) x ON s.year = x.year AND s.carrier_id = x.carrier_id
  GROUP BY s.year, s.carrier_id;
END;
$$;
--> statement-breakpoint
-- Recomputes stay_year_figures for the ventures in `ids`, in the years in `years` (every year when
-- NULL), with each stay's worst check per number of quarters due, and then carrier_year_tenants
-- for the carriers' years those rows were and are in.
CREATE OR REPLACE FUNCTION "summaries_refresh_stay_years"(ids int[], years int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE horizon int;
DECLARE gone bigint[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM summaries_lock(ARRAY(SELECT DISTINCT unnest(ids)), 7310120);
  SELECT max(h.year) INTO horizon FROM stay_year_horizon h;
  WITH d AS (DELETE FROM stay_year_figures WHERE venture_id = ANY(ids) AND (years IS NULL OR year = ANY(years)) RETURNING year, carrier_id)
  SELECT array_agg(DISTINCT (d.year::bigint << 32) | d.carrier_id) INTO gone FROM d;
  INSERT INTO stay_year_figures (year, carrier_id, venture_id, entered_on, area_m2, at_year_end, covered, reports, revenue_fen,
    net_profit_fen, rd_spend_fen, tax_fen, financing_fen, employees, ip_filed, ip_granted, invention_patents, graduated_on,
    name, kind, industry, founded_on, no_credit_code, no_technical_field, error_levels, warning_levels)
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
  ),
  f AS (
    SELECT s.year, s.carrier_id, s.venture_id, s.entered_on, s.area_m2, s.at_year_end, s.covered,
         coalesce(p.reports, 0) AS reports, coalesce(p.revenue, 0) AS revenue_fen, coalesce(p.profit, 0) AS net_profit_fen, coalesce(p.rd, 0) AS rd_spend_fen, coalesce(p.tax, 0) AS tax_fen,
         coalesce(p.financing, 0) AS financing_fen, coalesce(p.employees, 0) AS employees, coalesce(p.ip_filed, 0) AS ip_filed, coalesce(p.ip_granted, 0) AS ip_granted, coalesce(p.patents, 0) AS invention_patents,
         (SELECT max(g.graduated_on) FROM graduations g
          WHERE g.venture_id = s.venture_id AND g.carrier_id = s.carrier_id AND g.status = 'verified' AND g.graduated_on <= make_date(s.year, 12, 31)) AS graduated_on,
         v.name, v.kind, v.industry, v.founded_on, coalesce(v.credit_code, '') = '' AS no_credit_code, coalesce(v.technical_field, '') = '' AS no_technical_field
    FROM s
    JOIN ventures v ON v.id = s.venture_id
    LEFT JOIN p ON p.venture_id = s.venture_id AND p.carrier_id = s.carrier_id AND p.year = s.year
  ),
  -- checkTenantFigures (lib/domain/statistics-checks.ts) in SQL: the checks that do not depend on
  -- the quarters due, then each number of quarters due (d1 to d4: the first 1 to 4 quarters).
  c AS (
    SELECT f.*,
           (least(f.area_m2, f.revenue_fen, f.rd_spend_fen, f.tax_fen, f.financing_fen, f.employees, f.ip_filed, f.ip_granted, f.invention_patents) < 0
            OR (f.kind = 'company' AND (f.no_credit_code OR f.founded_on IS NULL))
            OR coalesce(f.graduated_on < f.entered_on, false)) AS static_error,
           (f.no_technical_field
            OR (f.revenue_fen > 0 AND f.rd_spend_fen > f.revenue_fen AND f.kind <> 'team'
                AND f.industry::text NOT IN ('biomedicine', 'integrated_circuits', 'new_materials', 'modern_agriculture')
                AND (f.founded_on IS NULL OR f.founded_on <= make_date(f.year - 3, 12, 31)))
            OR (f.net_profit_fen > f.revenue_fen AND f.net_profit_fen > 0)
            OR (f.tax_fen > f.revenue_fen AND f.tax_fen > 0)) AS static_warning
    FROM f
  )
  SELECT c.year, c.carrier_id, c.venture_id, c.entered_on, c.area_m2, c.at_year_end, c.covered, c.reports, c.revenue_fen,
         c.net_profit_fen, c.rd_spend_fen, c.tax_fen, c.financing_fen, c.employees, c.ip_filed, c.ip_granted, c.invention_patents,
         c.graduated_on, c.name, c.kind, c.industry, c.founded_on, c.no_credit_code, c.no_technical_field,
         ((CASE WHEN c.static_error OR (c.reports = 0 AND 0 > 0) THEN 1 ELSE 0 END)
          + (CASE WHEN c.static_error OR (c.reports = 0 AND d.d1 > 0) THEN 2 ELSE 0 END)
          + (CASE WHEN c.static_error OR (c.reports = 0 AND d.d2 > 0) THEN 4 ELSE 0 END)
          + (CASE WHEN c.static_error OR (c.reports = 0 AND d.d3 > 0) THEN 8 ELSE 0 END)
          + (CASE WHEN c.static_error OR (c.reports = 0 AND d.d4 > 0) THEN 16 ELSE 0 END))::smallint,
         ((CASE WHEN NOT (c.static_error OR (c.reports = 0 AND 0 > 0)) AND (c.static_warning OR (c.reports > 0 AND c.reports < 0)) THEN 1 ELSE 0 END)
          + (CASE WHEN NOT (c.static_error OR (c.reports = 0 AND d.d1 > 0)) AND (c.static_warning OR (c.reports > 0 AND c.reports < d.d1)) THEN 2 ELSE 0 END)
          + (CASE WHEN NOT (c.static_error OR (c.reports = 0 AND d.d2 > 0)) AND (c.static_warning OR (c.reports > 0 AND c.reports < d.d2)) THEN 4 ELSE 0 END)
          + (CASE WHEN NOT (c.static_error OR (c.reports = 0 AND d.d3 > 0)) AND (c.static_warning OR (c.reports > 0 AND c.reports < d.d3)) THEN 8 ELSE 0 END)
          + (CASE WHEN NOT (c.static_error OR (c.reports = 0 AND d.d4 > 0)) AND (c.static_warning OR (c.reports > 0 AND c.reports < d.d4)) THEN 16 ELSE 0 END))::smallint
  FROM c
  CROSS JOIN LATERAL (SELECT c.covered & 1 AS d1, (c.covered & 1) + ((c.covered >> 1) & 1) AS d2,
                             (c.covered & 1) + ((c.covered >> 1) & 1) + ((c.covered >> 2) & 1) AS d3,
                             (c.covered & 1) + ((c.covered >> 1) & 1) + ((c.covered >> 2) & 1) + ((c.covered >> 3) & 1) AS d4) AS d;
  -- The carriers' years whose stays changed, added up again.
  PERFORM summaries_refresh_carrier_years(ARRAY(
    SELECT DISTINCT (x.year::bigint << 32) | x.carrier_id FROM (
      SELECT t.year, t.carrier_id FROM unnest(gone) AS k(key) CROSS JOIN LATERAL (SELECT (k.key >> 32)::int AS year, (k.key & 4294967295)::int AS carrier_id) AS t
      UNION
      SELECT sy.year, sy.carrier_id FROM stay_year_figures sy WHERE sy.venture_id = ANY(ids) AND (years IS NULL OR sy.year = ANY(years))) AS x));
END;
$$;
--> statement-breakpoint
-- Every summary row rebuilt from the raw rows (npm run db:refresh-summaries), the carriers' years of tenants too.
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
  DELETE FROM carrier_year_tenants;
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
-- The stays already there get their checks, and the carriers' years their tenants.
SELECT "summaries_refresh_stay_years"(ARRAY(SELECT DISTINCT venture_id FROM residencies));
