-- Generated from libs/testing/src/infra/database-roles.ts: do not edit (see docs/database-roles.md).
-- The PostgreSQL roles of one service; run with an admin connection to the platform's database:
--   psql -v ON_ERROR_STOP=1 -v schema=accesso -v password_owner=… -v password_app=… -f database-roles.sql
BEGIN;
SELECT set_config('ambito.schema', :'schema', true),
       set_config('ambito.password_owner', :'password_owner', true),
       set_config('ambito.password_app', :'password_app', true);
DO $roles$
DECLARE
  role_name text;
  secret text;
  granted text;
BEGIN
  FOR role_name, secret IN VALUES
      (current_setting('ambito.schema') || '_owner', current_setting('ambito.password_owner')),
      (current_setting('ambito.schema') || '_app', current_setting('ambito.password_app')) LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
      EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', role_name, secret);
    ELSE
      EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', role_name, secret);
    END IF;
    EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT', role_name);
    -- A membership granted by hand would lend the role another's privileges (SET ROLE).
    FOR granted IN SELECT m.roleid::regrole::text FROM pg_auth_members m
                   WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = role_name) LOOP
      EXECUTE format('REVOKE %s FROM %I', granted, role_name);
    END LOOP;
  END LOOP;
END $roles$;
DO $schema$
DECLARE
  s text := current_setting('ambito.schema');
  owner_role text := s || '_owner';
  app_role text := s || '_app';
  obj record;
BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), owner_role, app_role);
  -- No temporary tables and nothing in public for roles that were not given it explicitly.
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'public') THEN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = s) THEN
    EXECUTE format('CREATE SCHEMA %I AUTHORIZATION %I', s, owner_role);
  END IF;
  EXECUTE format('ALTER SCHEMA %I OWNER TO %I', s, owner_role);
  -- Objects made before the roles existed (migrations run by a superuser) go to the owner; sequences of
  -- a serial column follow their table.
  FOR obj IN SELECT c.oid::regclass::text AS name, c.relkind FROM pg_class c
                  WHERE c.relnamespace = s::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
                    AND c.relowner <> owner_role::regrole LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I',
      CASE obj.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
      obj.name, owner_role);
  END LOOP;
  FOR obj IN SELECT c.oid::regclass::text AS name FROM pg_class c
                  WHERE c.relnamespace = s::regnamespace AND c.relkind = 'S'
                    AND c.relowner <> owner_role::regrole LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', obj.name, owner_role);
  END LOOP;
  FOR obj IN SELECT p.oid::regprocedure::text AS name FROM pg_proc p
                  WHERE p.pronamespace = s::regnamespace AND p.proowner <> owner_role::regrole LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', obj.name, owner_role);
  END LOOP;
  FOR obj IN SELECT t.oid::regtype::text AS name, t.typtype FROM pg_type t
                  WHERE t.typnamespace = s::regnamespace AND t.typtype IN ('e', 'd', 'r')
                    AND t.typowner <> owner_role::regrole LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I',
      CASE obj.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, obj.name, owner_role);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, app_role);
END $schema$;
COMMIT;
