using PtClinic.Domain.Common;

namespace PtClinic.Domain.Clinics;

/// <summary>The tenant: a practice that owns its patients, staff and records (FHIR Organization).</summary>
public sealed class Clinic
{
    public const int NameMaxLength = 120;
    public const int TimeZoneMaxLength = 64;

    private Clinic()
    {
        Name = string.Empty;
        TimeZone = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>IANA zone the clinic works in: "today" and the 24-hour rules are the clinic's day.</summary>
    public string TimeZone { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Clinic Open(Guid id, string name, string timeZone, DateTimeOffset at) => new()
    {
        Id = id,
        Name = Guard.Required(name, "Clinic name", NameMaxLength),
        TimeZone = Guard.Required(timeZone, "Time zone", TimeZoneMaxLength),
        CreatedAt = at,
    };

    public void Rename(string name) => Name = Guard.Required(name, "Clinic name", NameMaxLength);
}
