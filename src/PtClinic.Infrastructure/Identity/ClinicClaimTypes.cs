namespace PtClinic.Infrastructure.Identity;

/// <summary>Claims added at sign-in so every page knows the user's clinic without a query.</summary>
public static class ClinicClaimTypes
{
    public const string ClinicId = "ptclinic:clinic_id";
    public const string ClinicName = "ptclinic:clinic_name";
    public const string FullName = "ptclinic:full_name";
    public const string TimeZone = "ptclinic:clinic_tz";

    /// <summary>Present (value "true") while the user signs in with a temporary password.</summary>
    public const string MustChangePassword = "ptclinic:must_change_password";

    /// <summary>Present (value "true") while the clinic requires an authenticator the user has not set up.</summary>
    public const string MustEnrolTwoFactor = "ptclinic:must_enrol_2fa";
}
