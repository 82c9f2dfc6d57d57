-- Data only. Permissions added since a database was created do not reach its existing roles by
-- themselves; a role holding "staff.manage" could grant them to itself anyway, so those roles
-- (the Super admin) receive search.manage and notifications.manage here.
UPDATE "StaffRole"
SET "permissions" = "permissions" || ARRAY(
      SELECT p FROM unnest(ARRAY['search.manage', 'notifications.manage']::text[]) AS p
      WHERE NOT (p = ANY ("permissions"))
    ),
    "updatedAt" = now()
WHERE 'staff.manage' = ANY ("permissions")
  AND NOT (ARRAY['search.manage', 'notifications.manage']::text[] <@ "permissions");
