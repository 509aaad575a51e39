-- Indexes for what V1 left to full scans: the retention sweep and time windows (activations.at), a machine's
-- history (cmid, at), the default "last seen" order of the clients table and its retention sweep.
-- Idempotent, so a database left between two of these statements migrates on the next start.
CREATE INDEX IF NOT EXISTS activations_at ON activations (at);
CREATE INDEX IF NOT EXISTS activations_cmid_at ON activations (cmid, at);
CREATE INDEX IF NOT EXISTS clients_last_seen ON clients (last_seen);
