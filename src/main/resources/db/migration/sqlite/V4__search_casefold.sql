-- Case-insensitive search beyond ASCII: SQLite's lower() and LIKE fold A-Z only, so 'ÄRZTE-PC' was found by
-- neither 'ärzte' nor 'ÄRZTE'. The registry stores the name folded in Java (registry.SearchText) and searches that.
-- Names in plain ASCII are folded here; the others are left NULL and folded by the registry when it opens
-- (RegistryDatabase), so that one definition of the fold holds for every row.
-- Independent of V3 (which another change may use): it touches only the clients table's new column.
-- SQLite has no ADD COLUMN IF NOT EXISTS; the migration runs in one transaction, so an interrupted one leaves
-- nothing behind and runs again whole.
ALTER TABLE clients ADD COLUMN workstation_fold TEXT;
UPDATE clients SET workstation_fold = lower(workstation) WHERE workstation NOT GLOB '*[^ -~]*';
