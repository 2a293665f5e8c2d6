-- The read models of the network figures (docs/read-models.md) are kept by triggers: every
-- statement that writes venture_reports, graduations or applications (or changes a venture's
-- industry or high-tech certification) recomputes, from the raw rows, the summary rows of the
-- keys it touched, in the same transaction. A key is locked (advisory, for the transaction)
-- before it is recomputed, so that two transactions writing under one key do not each sum what
-- the other has not committed yet.

-- Locks the keys a recomputation is about to sum (each is a key of class `cls`) for the rest of
-- the transaction, in order. Every recomputation holds the whole-summaries lock shared; one
-- touching many keys (a bulk load, the rebuild) takes it exclusively instead of many key locks.
CREATE OR REPLACE FUNCTION "summaries_lock"(ids int[], cls int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('summaries.whole', true) = 'on' THEN RETURN; END IF;
  IF cardinality(ids) > 64 THEN
    PERFORM pg_advisory_xact_lock(7310118, 0);
    PERFORM set_config('summaries.whole', 'on', true);
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(7310118, 0);
  PERFORM pg_advisory_xact_lock(cls, i) FROM (SELECT unnest(ids) AS i ORDER BY 1) AS s;
END;
$$;
--> statement-breakpoint
-- Recomputes carrier_quarter_figures and carrier_year_figures for the (carrier_id, year, quarter)
-- keys in `keys`, a JSON array of {carrier_id, year, quarter}.
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
  INSERT INTO carrier_year_figures (carrier_id, year, reporting_tenants, employees)
  SELECT carrier_id, year, count(*)::int, coalesce(sum(employees), 0)
  FROM (SELECT vr.carrier_id, vr.year, vr.venture_id, (array_agg(vr.employees ORDER BY vr.quarter DESC))[1] AS employees
        FROM venture_reports vr
        JOIN (SELECT DISTINCT carrier_id, year FROM (SELECT DISTINCT x.carrier_id, x.year, x.quarter FROM jsonb_to_recordset(keys) AS x(carrier_id int, year int, quarter int)) AS s) k ON k.carrier_id = vr.carrier_id AND k.year = vr.year
        GROUP BY 1, 2, 3) AS t
  GROUP BY 1, 2;
END;
$$;
--> statement-breakpoint
-- Recomputes programme_funding for the programmes in `ids`.
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
END;
$$;
--> statement-breakpoint
-- Every summary row rebuilt from the raw rows (npm run db:refresh-summaries).
CREATE OR REPLACE FUNCTION "summaries_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7310118, 0);
  PERFORM set_config('summaries.whole', 'on', true);
  DELETE FROM carrier_quarter_figures;
  DELETE FROM carrier_year_figures;
  DELETE FROM programme_funding;
  PERFORM summaries_refresh_quarters(coalesce((SELECT jsonb_agg(jsonb_build_object('carrier_id', carrier_id, 'year', year, 'quarter', quarter)) FROM (
    SELECT carrier_id, year::int AS year, quarter::int AS quarter FROM venture_reports
    UNION SELECT carrier_id, extract(year FROM graduated_on)::int, extract(quarter FROM graduated_on)::int FROM graduations) AS k), '[]'::jsonb));
  PERFORM summaries_refresh_programmes(coalesce((SELECT array_agg(DISTINCT program_id) FROM applications), '{}'::int[]));
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "summaries_reports_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE keys jsonb;
BEGIN
  -- A bulk load that rebuilds the summaries at its end (deferSummaries in db/summaries).
  IF current_setting('summaries.defer', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('carrier_id', carrier_id, 'year', year, 'quarter', quarter)) INTO keys FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(jsonb_build_object('carrier_id', carrier_id, 'year', year, 'quarter', quarter)) INTO keys
      FROM (SELECT carrier_id, year, quarter FROM new_rows UNION SELECT carrier_id, year, quarter FROM old_rows) AS k;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('carrier_id', carrier_id, 'year', year, 'quarter', quarter)) INTO keys FROM old_rows;
  END IF;
  PERFORM summaries_refresh_quarters(keys);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "summaries_graduations_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE keys jsonb;
BEGIN
  -- A bulk load that rebuilds the summaries at its end (deferSummaries in db/summaries).
  IF current_setting('summaries.defer', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('carrier_id', carrier_id, 'year', extract(year FROM graduated_on)::int, 'quarter', extract(quarter FROM graduated_on)::int)) INTO keys FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(jsonb_build_object('carrier_id', carrier_id, 'year', extract(year FROM graduated_on)::int, 'quarter', extract(quarter FROM graduated_on)::int)) INTO keys
      FROM (SELECT carrier_id, graduated_on FROM new_rows UNION SELECT carrier_id, graduated_on FROM old_rows) AS k;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('carrier_id', carrier_id, 'year', extract(year FROM graduated_on)::int, 'quarter', extract(quarter FROM graduated_on)::int)) INTO keys FROM old_rows;
  END IF;
  PERFORM summaries_refresh_quarters(keys);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "summaries_applications_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids int[];
BEGIN
  -- A bulk load that rebuilds the summaries at its end (deferSummaries in db/summaries).
  IF current_setting('summaries.defer', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT program_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT program_id) INTO ids FROM (SELECT program_id FROM new_rows UNION SELECT program_id FROM old_rows) AS k;
  ELSE
    SELECT array_agg(DISTINCT program_id) INTO ids FROM old_rows;
  END IF;
  PERFORM summaries_refresh_programmes(ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A venture's industry or high-tech certification is part of its reports' and graduations'
-- summary rows and of its applications' programme rows.
CREATE OR REPLACE FUNCTION "summaries_ventures_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed int[];
BEGIN
  -- A bulk load that rebuilds the summaries at its end (deferSummaries in db/summaries).
  IF current_setting('summaries.defer', true) = 'on' THEN RETURN NULL; END IF;
  SELECT array_agg(n.id) INTO changed FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.industry IS DISTINCT FROM o.industry OR n.high_tech_cert_on IS DISTINCT FROM o.high_tech_cert_on;
  IF changed IS NULL THEN RETURN NULL; END IF;
  PERFORM summaries_refresh_quarters((SELECT jsonb_agg(jsonb_build_object('carrier_id', carrier_id, 'year', year, 'quarter', quarter)) FROM (
    SELECT carrier_id, year::int AS year, quarter::int AS quarter FROM venture_reports WHERE venture_id = ANY(changed)
    UNION SELECT carrier_id, extract(year FROM graduated_on)::int, extract(quarter FROM graduated_on)::int FROM graduations WHERE venture_id = ANY(changed)) AS k));
  PERFORM summaries_refresh_programmes((SELECT array_agg(DISTINCT program_id) FROM applications WHERE venture_id = ANY(changed)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "summaries_reports_insert" AFTER INSERT ON "venture_reports" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_reports_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_reports_update" AFTER UPDATE ON "venture_reports" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_reports_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_reports_delete" AFTER DELETE ON "venture_reports" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_reports_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_graduations_insert" AFTER INSERT ON "graduations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_graduations_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_graduations_update" AFTER UPDATE ON "graduations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_graduations_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_graduations_delete" AFTER DELETE ON "graduations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_graduations_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_applications_insert" AFTER INSERT ON "applications" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_applications_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_applications_update" AFTER UPDATE ON "applications" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_applications_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_applications_delete" AFTER DELETE ON "applications" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_applications_changed"();
--> statement-breakpoint
CREATE TRIGGER "summaries_ventures_update" AFTER UPDATE ON "ventures" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "summaries_ventures_changed"();
--> statement-breakpoint
-- The summaries of the rows already there.
SELECT "summaries_rebuild"();
