-- Names sort in pinyin order through the collation "zh-x-icu" (db/queries/shared/collation.ts).
-- PostgreSQL built with ICU has it in pg_catalog. The embedded PGlite carries ICU without the
-- Chinese tailoring: the collation made here sorts by ICU's root order there (Chinese characters
-- in code point order), and where ICU is missing altogether it is the database's default.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'zh-x-icu') THEN
    BEGIN
      CREATE COLLATION "zh-x-icu" (provider = icu, locale = 'zh');
    EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR undefined_object THEN
      CREATE COLLATION "zh-x-icu" FROM "default";
    END;
  END IF;
END $$;
