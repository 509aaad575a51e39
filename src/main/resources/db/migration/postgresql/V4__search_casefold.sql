-- Case-insensitive search beyond ASCII, the same on both databases: the registry stores the name folded in Java
-- (registry.SearchText) and searches that, instead of lower(), whose reach depends on the database's locale.
-- Names in plain ASCII are folded here (translate: A-Z only, whatever the locale); the others are left NULL and
-- folded by the registry when it opens (RegistryDatabase), so that one definition of the fold holds for every row.
-- Independent of V3 (which another change may use): it touches only the clients table's new column. Idempotent.
ALTER TABLE clients ADD COLUMN IF NOT EXISTS workstation_fold TEXT;
UPDATE clients SET workstation_fold = translate(workstation, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'abcdefghijklmnopqrstuvwxyz') WHERE workstation_fold IS NULL AND workstation ~ '^[ -~]*$';
