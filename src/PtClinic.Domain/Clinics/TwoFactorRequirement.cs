namespace PtClinic.Domain.Clinics;

/// <summary>Who in the clinic must confirm a sign-in with a code from an authenticator app.</summary>
public enum TwoFactorRequirement
{
    /// <summary>Nobody must; anyone may still turn it on for their own account.</summary>
    NoOne,

    /// <summary>Admins and managers, who can change staff accounts and clinic settings.</summary>
    AdminsAndManagers,

    Everyone,
}
