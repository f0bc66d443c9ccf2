using System.Reflection;
using System.Security.Claims;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Administration;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Staff;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Administration;

/// <summary>Administration is for admins, and for their own clinic only.</summary>
public sealed class AdministrationAccessTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Reads every staff role may send: the clinic's name, phone and hours go on pages and handouts.</summary>
    private static readonly Type[] OpenReads = [typeof(GetClinicSettingsQuery), typeof(GetClinicLogoQuery)];

    [Fact]
    public void Every_administration_message_but_the_clinic_reads_is_for_admins_only()
    {
        var messages = typeof(CreateStaffMemberCommand).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CreateStaffMemberCommand).Namespace && typeof(IMessage).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();

        messages.Count.ShouldBeGreaterThanOrEqualTo(14);
        foreach (var message in messages.Except(OpenReads))
        {
            message.GetCustomAttribute<RequiresRoleAttribute>().ShouldNotBeNull(message.Name).Roles.ShouldBe([StaffRoles.Admin], message.Name);
        }

        OpenReads.ShouldAllBe(read => read.GetCustomAttribute<RequiresRoleAttribute>()!.Roles.Order().SequenceEqual(StaffRoles.All.Order()));
    }

    [Theory]
    [InlineData(StaffRoles.Therapist)]
    [InlineData(StaffRoles.ClinicManager)]
    [InlineData(StaffRoles.FrontDesk)]
    public async Task Every_administration_command_is_forbidden_to_a_non_admin_and_nothing_is_written(string role)
    {
        var clinic = await TestClinic.CreateAsync(App);
        var admin = await clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
        var target = TestClinic.IdOf(clinic.OtherTherapist);
        var credential = (await App.SendAsync(admin, new AddStaffCredentialCommand(
            target, CredentialKind.DryNeedlingCertification, "AACP", null, Today.AddYears(-1), Today.AddYears(1)))).Ok();
        (await App.SendAsync(admin, new UploadClinicLogoCommand(Png()))).Ok();
        var user = await clinic.AddStaffAsync($"Not an admin ({role})", role);
        var before = await SnapshotAsync();

        foreach (var message in Commands(target, credential))
        {
            var result = (IResult)await App.SendAsync(user, (dynamic)message);
            result.Failed(ErrorKind.Forbidden);
        }

        (await App.SendAsync(user, new ListStaffMembersQuery())).Failed(ErrorKind.Forbidden);
        (await App.SendAsync(user, new GetStaffMemberQuery(target))).Failed(ErrorKind.Forbidden);
        (await SnapshotAsync()).ShouldBe(before);
        // The clinic's settings and logo are for everyone to read.
        (await App.SendAsync(user, new GetClinicSettingsQuery())).Ok().Name.ShouldBe("Northside Physio");
        (await App.SendAsync(user, new GetClinicLogoQuery())).Ok().ContentType.ShouldBe("image/png");
    }

    [Fact]
    public void The_list_covers_every_administration_command()
    {
        var listed = Commands(Guid.CreateVersion7(), Guid.CreateVersion7()).Select(c => c.GetType()).ToHashSet();
        var commands = typeof(CreateStaffMemberCommand).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CreateStaffMemberCommand).Namespace
                && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)));

        commands.ShouldAllBe(command => listed.Contains(command));
    }

    [Fact]
    public async Task Another_clinics_staff_ids_are_not_found_and_nothing_of_theirs_changes()
    {
        var ours = await TestClinic.CreateAsync(App);
        var ourAdmin = await ours.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
        var theirs = await TestClinic.CreateAsync(App, "Southside Physio");
        var theirAdmin = await theirs.AddStaffAsync("Olu Adeyemi", StaffRoles.Admin);
        var stranger = TestClinic.IdOf(theirs.OtherTherapist);
        var credential = (await App.SendAsync(theirAdmin, new AddStaffCredentialCommand(
            stranger, CredentialKind.CprFirstAid, "St John Ambulance", null, Today.AddYears(-1), null))).Ok();
        var version = (await App.SendAsync(theirAdmin, new GetStaffMemberQuery(stranger))).Ok().Member.Version;
        var before = await SnapshotAsync();

        IMessage[] aimedAtThem =
        [
            new EditStaffMemberCommand(stranger, version, "Renamed", StaffRoles.FrontDesk, null, null),
            new DeactivateStaffMemberCommand(stranger),
            new ReactivateStaffMemberCommand(stranger),
            new ResetStaffPasswordCommand(stranger),
            new UnlockStaffAccountCommand(stranger),
            new AddStaffCredentialCommand(stranger, CredentialKind.Other, "Anyone", null, Today, null),
            new RemoveStaffCredentialCommand(stranger, credential),
            new GetStaffMemberQuery(stranger),
        ];
        foreach (var message in aimedAtThem)
        {
            var result = (IResult)await App.SendAsync(ourAdmin, (dynamic)message);
            result.Failed(ErrorKind.NotFound).Message.ShouldBe("Staff member was not found.", message.GetType().Name);
        }

        (await SnapshotAsync()).ShouldBe(before);
        (await App.SendAsync(ourAdmin, new ListStaffMembersQuery())).Ok().Members.ShouldNotContain(m => m.Id == stranger);
        // Our own credential id, aimed at our member, is still ours to remove; theirs through ours is not.
        (await App.SendAsync(ourAdmin, new RemoveStaffCredentialCommand(TestClinic.IdOf(ours.Therapist), credential)))
            .Failed(ErrorKind.NotFound);
    }

    private static IEnumerable<IMessage> Commands(Guid staffMemberId, Guid credentialId) =>
    [
        new CreateStaffMemberCommand("Ines Carvalho", "ines@northside.example", StaffRoles.Admin),
        new EditStaffMemberCommand(staffMemberId, 0, "Renamed", StaffRoles.Admin, null, null),
        new DeactivateStaffMemberCommand(staffMemberId),
        new ReactivateStaffMemberCommand(staffMemberId),
        new ResetStaffPasswordCommand(staffMemberId),
        new UnlockStaffAccountCommand(staffMemberId),
        new AddStaffCredentialCommand(staffMemberId, CredentialKind.Other, "Anyone", null, Today, null),
        new RemoveStaffCredentialCommand(staffMemberId, credentialId),
        new UpdateClinicSettingsCommand(0, "Renamed clinic", null, null, "Europe/London", PaperSize.UsLetter,
            [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningDayInput(d, false, null, null))], 30, TwoFactorRequirement.Everyone),
        new UploadClinicLogoCommand(Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>")),
        new RemoveClinicLogoCommand(),
    ];

    internal static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>Everything administration can write, as one comparable value.</summary>
    private Task<string> SnapshotAsync() => App.ReadAsync(async db =>
    {
        var staff = await db.StaffMembers.IgnoreQueryFilters().OrderBy(s => s.Id)
            .Select(s => $"{s.Id}|{s.FullName}|{s.Role}|{s.ProfessionalTitle}|{s.DeactivatedAt}|{s.Version}").ToListAsync();
        var users = await db.Users.OrderBy(u => u.Id)
            .Select(u => $"{u.Id}|{u.FullName}|{u.PasswordHash}|{u.SecurityStamp}|{u.LockoutEnd}|{u.MustChangePassword}").ToListAsync();
        var roles = await db.UserRoles.OrderBy(r => r.UserId).ThenBy(r => r.RoleId).Select(r => $"{r.UserId}|{r.RoleId}").ToListAsync();
        var credentials = await db.StaffCredentials.IgnoreQueryFilters().OrderBy(c => c.Id).Select(c => c.Id.ToString()).ToListAsync();
        var clinics = await db.Clinics.IgnoreQueryFilters().OrderBy(c => c.Id)
            .Select(c => $"{c.Id}|{c.Name}|{c.PaperSize}|{c.Version}").ToListAsync();
        var logos = await db.ClinicLogos.IgnoreQueryFilters().OrderBy(l => l.ClinicId)
            .Select(l => $"{l.ClinicId}|{l.ContentType}|{l.UploadedAt}").ToListAsync();
        return string.Join("\n", staff.Concat(users).Concat(roles).Concat(credentials).Concat(clinics).Concat(logos));
    });
}
