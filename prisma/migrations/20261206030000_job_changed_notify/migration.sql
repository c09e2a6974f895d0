-- Every change of a job's row or of one of its chunks' rows sends
-- NOTIFY job_changed with the job's id, whoever makes it (web, worker,
-- sweeper, admin, psql), so a web process can keep a job's progress answer
-- in memory until the job changes (lib/jobs/job-changes.ts). Postgres
-- delivers a transaction's notifications at its commit and only once per
-- distinct payload, so a book's chunks inserted or deleted together cost one
-- message. A queued job entering or leaving the queue also sends `queue`: the
-- other queued jobs' places change. TRUNCATE, which skips row triggers,
-- sends `*` (everything changed).

CREATE FUNCTION "notify_job_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('job_changed', OLD."id"::text);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('job_changed', NEW."id"::text);
  END IF;
  IF (TG_OP <> 'INSERT' AND OLD."status" = 'queued') OR (TG_OP <> 'DELETE' AND NEW."status" = 'queued') THEN
    IF TG_OP <> 'UPDATE' OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt" THEN
      PERFORM pg_notify('job_changed', 'queue');
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "notify_chunk_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('job_changed', OLD."jobId"::text);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('job_changed', NEW."jobId"::text);
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "notify_jobs_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('job_changed', '*');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Job_notify_changed" AFTER INSERT OR UPDATE OR DELETE ON "Job"
  FOR EACH ROW EXECUTE FUNCTION "notify_job_changed"();
CREATE TRIGGER "Chunk_notify_changed" AFTER INSERT OR UPDATE OR DELETE ON "Chunk"
  FOR EACH ROW EXECUTE FUNCTION "notify_chunk_changed"();
CREATE TRIGGER "Job_notify_truncated" AFTER TRUNCATE ON "Job"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_jobs_truncated"();
CREATE TRIGGER "Chunk_notify_truncated" AFTER TRUNCATE ON "Chunk"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_jobs_truncated"();
