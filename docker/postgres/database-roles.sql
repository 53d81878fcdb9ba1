-- Generated from libs/testing/src/infra/database-roles.ts: do not edit (see docs/database-roles.md).
-- The PostgreSQL roles of one service; run with an admin connection to the platform's database:
--   psql -v ON_ERROR_STOP=1 -v schema=accesso -v password_owner=… -v password_app=… -f database-roles.sql
BEGIN;
SELECT set_config('ambito.schema', :'schema', true),
       set_config('ambito.password_owner', :'password_owner', true),
       set_config('ambito.password_app', :'password_app', true);
DO $ruoli$
DECLARE
  ruolo text;
  segreto text;
  membro text;
BEGIN
  FOR ruolo, segreto IN VALUES
      (current_setting('ambito.schema') || '_owner', current_setting('ambito.password_owner')),
      (current_setting('ambito.schema') || '_app', current_setting('ambito.password_app')) LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ruolo) THEN
      EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', ruolo, segreto);
    ELSE
      EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', ruolo, segreto);
    END IF;
    EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT', ruolo);
    -- A membership granted by hand would lend the role another's privileges (SET ROLE).
    FOR membro IN SELECT m.roleid::regrole::text FROM pg_auth_members m
                   WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = ruolo) LOOP
      EXECUTE format('REVOKE %s FROM %I', membro, ruolo);
    END LOOP;
  END LOOP;
END $ruoli$;
DO $schema$
DECLARE
  s text := current_setting('ambito.schema');
  proprietario text := s || '_owner';
  app text := s || '_app';
  oggetto record;
BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), proprietario, app);
  -- No temporary tables and nothing in public for roles that were not given it explicitly.
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'public') THEN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = s) THEN
    EXECUTE format('CREATE SCHEMA %I AUTHORIZATION %I', s, proprietario);
  END IF;
  EXECUTE format('ALTER SCHEMA %I OWNER TO %I', s, proprietario);
  -- Objects made before the roles existed (migrations run by a superuser) go to the owner; sequences of
  -- a serial column follow their table.
  FOR oggetto IN SELECT c.oid::regclass::text AS nome, c.relkind FROM pg_class c
                  WHERE c.relnamespace = s::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
                    AND c.relowner <> proprietario::regrole LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I',
      CASE oggetto.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
      oggetto.nome, proprietario);
  END LOOP;
  FOR oggetto IN SELECT c.oid::regclass::text AS nome FROM pg_class c
                  WHERE c.relnamespace = s::regnamespace AND c.relkind = 'S'
                    AND c.relowner <> proprietario::regrole LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', oggetto.nome, proprietario);
  END LOOP;
  FOR oggetto IN SELECT p.oid::regprocedure::text AS nome FROM pg_proc p
                  WHERE p.pronamespace = s::regnamespace AND p.proowner <> proprietario::regrole LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', oggetto.nome, proprietario);
  END LOOP;
  FOR oggetto IN SELECT t.oid::regtype::text AS nome, t.typtype FROM pg_type t
                  WHERE t.typnamespace = s::regnamespace AND t.typtype IN ('e', 'd', 'r')
                    AND t.typowner <> proprietario::regrole LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I',
      CASE oggetto.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, oggetto.nome, proprietario);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, app);
END $schema$;
COMMIT;
