-- The upstream service's tables in PostgreSQL, in its own column types
-- (/work/shared/spec/upstream.md, "In PostgreSQL"; docs/postgresql.md).
-- Foreign keys are added by scripts/pg-sample.sh after loading, NOT VALID:
-- SQLite copies do not enforce them, so old histories may not satisfy them.
CREATE TABLE users (
  id uuid PRIMARY KEY,
  email varchar(255) UNIQUE NOT NULL,
  password_hash varchar(255) NOT NULL,
  full_name varchar(255),
  is_active boolean DEFAULT true,
  is_verified boolean DEFAULT false,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now()
);
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  user_id uuid,
  job_type varchar(50) NOT NULL DEFAULT 'batch',
  status varchar(50) NOT NULL DEFAULT 'pending',
  total_documents integer DEFAULT 0,
  processed_count integer DEFAULT 0,
  failed_count integer DEFAULT 0,
  config jsonb,
  error_message text,
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now()
);
CREATE TABLE documents (
  id uuid PRIMARY KEY,
  job_id uuid,
  user_id uuid,
  title text NOT NULL,
  file_path text NOT NULL,
  file_source_type varchar(50) NOT NULL,
  file_size bigint,
  mime_type varchar(255),
  status varchar(50) NOT NULL DEFAULT 'pending',
  tags jsonb DEFAULT '[]',
  extracted_text text,
  processing_metadata jsonb,
  error_message text,
  processed_at timestamptz,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now()
);

CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END $$;
CREATE TRIGGER users_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER jobs_updated_at BEFORE UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER documents_updated_at BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION set_updated_at();
