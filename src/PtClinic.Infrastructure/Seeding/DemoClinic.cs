using PtClinic.Domain.Clinics;
using PtClinic.Domain.Staff;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>The demo clinic that `./ptclinic.sh run` seeds; the README documents these sign-ins.</summary>
public static class DemoClinic
{
    public static readonly Guid Id = Guid.Parse("0195f0a0-0000-7000-8000-000000000001");
    public const string Name = "Harbourside Physiotherapy";
    public const string TimeZone = "Europe/London";

    /// <summary>The demo clinic's calendar: its dates and local times.</summary>
    public static ClinicCalendar Calendar { get; } = ClinicCalendar.For(TimeZone);
    public const string Password = "Demo-Clinic-2026!";
    public const string Address = "14 Quayside Walk\nBristol BS1 4RN\nUnited Kingdom";
    public const string Phone = "+44 117 496 0123";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("therapist@demo.ptclinic.org", "Maya Lindqvist", StaffRoles.Therapist, "Physiotherapist, MSc", "HCPC PH104233"),
        new("manager@demo.ptclinic.org", "Tomás Herrera", StaffRoles.ClinicManager, "Clinical lead physiotherapist", "HCPC PH087415"),
        new("frontdesk@demo.ptclinic.org", "Priya Nair", StaffRoles.FrontDesk, "Patient coordinator", null),
        new("admin@demo.ptclinic.org", "Sam Okafor", StaffRoles.Admin, "Practice administrator", null),
        new("therapist2@demo.ptclinic.org", "Jonas Berg", StaffRoles.Therapist, "Physiotherapist, BSc", "HCPC PH118760"),
        new("therapist3@demo.ptclinic.org", "Leila Haddad", StaffRoles.Therapist, "Physiotherapist, BSc", "HCPC PH131902", JoinedDaysAgo: 61),
    ];

    public static DemoUser Therapist => Users[0];

    public static DemoUser Manager => Users[1];

    public static DemoUser FrontDesk => Users[2];

    public static DemoUser Admin => Users[3];

    /// <summary>Takes the demo therapist's visits when they are away ("cover").</summary>
    public static DemoUser SecondTherapist => Users[4];

    /// <summary>Joined two months ago: in a short range of the outcomes dashboard she has too few episodes to compare.</summary>
    public static DemoUser ThirdTherapist => Users[5];

    /// <summary>A plain SVG mark: a teal tile with a white wave and the letters HP.</summary>
    public const string LogoSvg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120">
          <title>Harbourside Physiotherapy</title>
          <rect width="120" height="120" rx="24" fill="#0f6e6e"/>
          <path d="M16 78 C 32 62, 48 94, 64 78 S 96 62, 104 78" fill="none" stroke="#ffffff" stroke-width="7" stroke-linecap="round"/>
          <text x="60" y="56" text-anchor="middle" font-family="Liberation Sans, Arial, sans-serif" font-size="40" font-weight="700" fill="#ffffff">HP</text>
        </svg>
        """;
}

/// <summary>A demo sign-in; <see cref="LicenceNumber"/> only for the clinicians, who are registered.</summary>
public sealed record DemoUser(string Email, string FullName, string Role, string Title, string? LicenceNumber, int JoinedDaysAgo = 400);
