using PtClinic.Domain.Common;

namespace PtClinic.Domain.Clinics;

/// <summary>The tenant: a practice that owns its patients, staff and records (FHIR Organization).</summary>
public sealed class Clinic
{
    public const int NameMaxLength = 120;
    public const int TimeZoneMaxLength = 64;
    public const int AddressMaxLength = 300;
    public const int PhoneMaxLength = 32;

    /// <summary>A signed-in page left alone this long signs its user out (HIPAA's automatic logoff).</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan ShortestIdleTimeout = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan LongestIdleTimeout = TimeSpan.FromMinutes(60);

    private Clinic()
    {
        Name = string.Empty;
        TimeZone = string.Empty;
        OpeningHours = OpeningHours.Closed;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>IANA zone the clinic works in: "today" and the 24-hour rules are the clinic's day.</summary>
    public string TimeZone { get; private set; }

    /// <summary>Postal address as it is printed on handouts, one line per line.</summary>
    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    public PaperSize PaperSize { get; private set; }

    public OpeningHours OpeningHours { get; private set; }

    /// <summary>How long a session may go without activity before the user is signed out.</summary>
    public TimeSpan IdleTimeout { get; private set; }

    public TwoFactorRequirement TwoFactorRequirement { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Optimistic-concurrency token (PostgreSQL xmin) for the settings form.</summary>
    public uint Version { get; private set; }

    public static Clinic Open(Guid id, string name, string timeZone, DateTimeOffset at) => new()
    {
        Id = id,
        Name = Guard.Required(name, "Clinic name", NameMaxLength),
        TimeZone = KnownTimeZone(timeZone),
        PaperSize = PaperSize.A4,
        IdleTimeout = DefaultIdleTimeout,
        TwoFactorRequirement = TwoFactorRequirement.AdminsAndManagers,
        CreatedAt = at,
    };

    public void Rename(string name) => Name = Guard.Required(name, "Clinic name", NameMaxLength);

    public void UpdateContact(string? address, string? phone)
    {
        Address = Guard.Optional(address, "Address", AddressMaxLength);
        Phone = Guard.Optional(phone, "Phone", PhoneMaxLength);
    }

    /// <summary>Moves the clinic's calendar: "today", the Today list and credential expiry follow the new zone.</summary>
    public void MoveToTimeZone(string timeZone) => TimeZone = KnownTimeZone(timeZone);

    public void PrintOn(PaperSize paperSize) =>
        PaperSize = Enum.IsDefined(paperSize) ? paperSize : throw new DomainException("Choose A4 or US Letter.");

    public void SetOpeningHours(OpeningHours openingHours) =>
        OpeningHours = openingHours ?? throw new ArgumentNullException(nameof(openingHours));

    public void SignOutAfterIdle(TimeSpan timeout) =>
        IdleTimeout = timeout >= ShortestIdleTimeout && timeout <= LongestIdleTimeout
            ? timeout
            : throw new DomainException(IdleTimeoutOutOfBounds);

    public void RequireTwoFactorFor(TwoFactorRequirement requirement) =>
        TwoFactorRequirement = Enum.IsDefined(requirement)
            ? requirement
            : throw new DomainException("Choose who must use an authenticator app: no one, admins and managers, or everyone.");

    public static string IdleTimeoutOutOfBounds =>
        $"Choose between {ShortestIdleTimeout.TotalMinutes:0} and {LongestIdleTimeout.TotalMinutes:0} minutes before an unattended page signs out.";

    /// <summary>The clinic's calendar: its dates and local times (<see cref="ClinicCalendar"/>).</summary>
    public ClinicCalendar Calendar => ClinicCalendar.For(TimeZone);

    private static string KnownTimeZone(string timeZone)
    {
        var id = Guard.Required(timeZone, "Time zone", TimeZoneMaxLength);
        return ClinicCalendar.IsKnownZone(id)
            ? id
            : throw new DomainException($"\"{id}\" is not a time zone we know. Choose one such as Europe/London.");
    }
}
