using PtClinic.Domain.Staff;

namespace PtClinic.Infrastructure.Seeding;

/// <summary>The demo clinic that `./ptclinic.sh run` seeds; the README documents these sign-ins.</summary>
public static class DemoClinic
{
    public static readonly Guid Id = Guid.Parse("0195f0a0-0000-7000-8000-000000000001");
    public const string Name = "Harbourside Physiotherapy";
    public const string TimeZone = "Europe/London";
    public const string Password = "Demo-Clinic-2026!";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("therapist@demo.ptclinic.org", "Maya Lindqvist", StaffRoles.Therapist),
        new("manager@demo.ptclinic.org", "Tomás Herrera", StaffRoles.ClinicManager),
        new("frontdesk@demo.ptclinic.org", "Priya Nair", StaffRoles.FrontDesk),
        new("admin@demo.ptclinic.org", "Sam Okafor", StaffRoles.Admin),
    ];

    public static DemoUser Therapist => Users[0];

    public static DemoUser Manager => Users[1];

    public static DemoUser FrontDesk => Users[2];

    public static DemoUser Admin => Users[3];
}

public sealed record DemoUser(string Email, string FullName, string Role);
