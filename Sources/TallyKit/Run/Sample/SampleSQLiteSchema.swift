/// The upstream schema's DDL, statement by statement, exactly as `history-schema.sql` spells it.
///
/// Tables are created before the rows go in and indexes after, which is much
/// faster for millions of rows and leaves the same schema behind.
enum SampleSQLiteSchema {
    static let tables = [
        """
        CREATE TABLE users (
          id TEXT PRIMARY KEY, email TEXT UNIQUE NOT NULL, password_hash TEXT NOT NULL,
          full_name TEXT, is_active INTEGER DEFAULT 1, is_verified INTEGER DEFAULT 0,
          created_at TEXT, updated_at TEXT)
        """,
        """
        CREATE TABLE jobs (
          id TEXT PRIMARY KEY, user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
          job_type TEXT NOT NULL DEFAULT 'batch', status TEXT NOT NULL DEFAULT 'pending',
          total_documents INTEGER DEFAULT 0, processed_count INTEGER DEFAULT 0,
          failed_count INTEGER DEFAULT 0, config TEXT, error_message TEXT,
          started_at TEXT, completed_at TEXT, created_at TEXT, updated_at TEXT)
        """,
        """
        CREATE TABLE documents (
          id TEXT PRIMARY KEY, job_id TEXT REFERENCES jobs(id) ON DELETE CASCADE,
          user_id TEXT REFERENCES users(id) ON DELETE SET NULL, title TEXT NOT NULL,
          file_path TEXT NOT NULL, file_source_type TEXT NOT NULL, file_size INTEGER,
          mime_type TEXT, status TEXT NOT NULL DEFAULT 'pending', tags TEXT DEFAULT '[]',
          extracted_text TEXT, processing_metadata TEXT, error_message TEXT,
          processed_at TEXT, created_at TEXT, updated_at TEXT)
        """,
    ]

    static let indexes = [
        "CREATE INDEX idx_jobs_user_id ON jobs(user_id)",
        "CREATE INDEX idx_jobs_status ON jobs(status)",
        "CREATE INDEX idx_jobs_created_at ON jobs(created_at)",
        "CREATE INDEX idx_documents_job_id ON documents(job_id)",
    ]

    static let insertUser = "INSERT INTO users VALUES (?,?,?,?,?,?,?,?)"
    static let insertJob = "INSERT INTO jobs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
    static let insertDocument = "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
}
