-- The upstream's indexes and foreign keys, created after the bulk load (faster than row by row).
CREATE INDEX idx_jobs_user_id ON jobs (user_id);
CREATE INDEX idx_jobs_status ON jobs (status);
CREATE INDEX idx_jobs_created_at ON jobs (created_at);
CREATE INDEX idx_documents_job_id ON documents (job_id);
CREATE INDEX idx_documents_user_id ON documents (user_id);
CREATE INDEX idx_documents_status ON documents (status);
CREATE INDEX idx_documents_created_at ON documents (created_at);
ALTER TABLE jobs ADD CONSTRAINT jobs_user_id_fkey
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL NOT VALID;
ALTER TABLE documents ADD CONSTRAINT documents_job_id_fkey
  FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE NOT VALID;
ALTER TABLE documents ADD CONSTRAINT documents_user_id_fkey
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL NOT VALID;
ANALYZE users;
ANALYZE jobs;
ANALYZE documents;
