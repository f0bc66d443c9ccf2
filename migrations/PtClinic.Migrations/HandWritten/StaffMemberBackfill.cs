namespace PtClinic.Migrations.HandWritten;

/// <summary>
/// Hand-written SQL of the ClinicAdministration migration, kept apart so the generated migration
/// can be regenerated after a merge and this call pasted back.
/// </summary>
public static class StaffMemberBackfill
{
    /// <summary>
    /// Every sign-in that existed before staff members did gets one, with the same id, its name,
    /// email and (first) role; title, licence and credentials are for an admin to fill in. A user
    /// without a role becomes front desk, the role that reads no clinical notes.
    /// </summary>
    public const string Sql = """
        INSERT INTO staff_members (id, clinic_id, full_name, email, role, joined_at)
        SELECT u.id,
               u.clinic_id,
               u.full_name,
               COALESCE(u.email, u.user_name, ''),
               COALESCE((SELECT r.name
                           FROM user_roles ur
                           JOIN roles r ON r.id = ur.role_id
                          WHERE ur.user_id = u.id
                          ORDER BY r.name
                          LIMIT 1), 'FrontDesk'),
               now()
          FROM users u
         WHERE NOT EXISTS (SELECT 1 FROM staff_members s WHERE s.id = u.id);
        """;
}
