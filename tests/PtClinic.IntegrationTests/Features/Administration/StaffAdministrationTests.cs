using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Administration;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Staff;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Identity;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Administration;

public sealed class StaffAdministrationTests(AppFixture app) : IntegrationTest(app)
{
    private TestClinic _clinic = default!;
    private ClaimsPrincipal _admin = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _clinic = await TestClinic.CreateAsync(App);
        _admin = await _clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);
    }

    [Fact]
    public async Task An_admin_adds_a_therapist_with_a_sign_in_whose_temporary_password_must_be_changed()
    {
        var created = (await App.SendAsync(_admin, new CreateStaffMemberCommand(
            " Ines Carvalho ", "ines@northside.example", StaffRoles.Therapist, "Physiotherapist, MSc", "HCPC PH120001"))).Ok();

        created.TemporaryPassword.ShouldMatch(@"^[A-Z][a-z]{2}\d-[A-Z][a-z]{2}\d-[A-Z][a-z]{2}\d$");
        var member = await App.ReadAsync(db => db.StaffMembers.IgnoreQueryFilters().SingleAsync(s => s.Id == created.StaffMemberId));
        member.ClinicId.ShouldBe(_clinic.Id);
        member.FullName.ShouldBe("Ines Carvalho");
        member.Role.ShouldBe(StaffRoles.Therapist);
        member.ProfessionalTitle.ShouldBe("Physiotherapist, MSc");
        member.LicenceNumber.ShouldBe("HCPC PH120001");

        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync("ines@northside.example")).ShouldNotBeNull();
        user.Id.ShouldBe(member.Id);
        user.ClinicId.ShouldBe(_clinic.Id);
        user.MustChangePassword.ShouldBeTrue();
        (await users.GetRolesAsync(user)).ShouldBe([StaffRoles.Therapist]);
        (await users.CheckPasswordAsync(user, created.TemporaryPassword)).ShouldBeTrue();
        // Stored only as a hash.
        (await App.ReadAsync(db => db.Users.AnyAsync(u => u.PasswordHash!.Contains(created.TemporaryPassword)))).ShouldBeFalse();

        var roster = (await App.SendAsync(_admin, new ListStaffMembersQuery())).Ok();
        var listed = roster.Members.Single(m => m.Id == created.StaffMemberId);
        listed.MustChangePassword.ShouldBeTrue();
        listed.IsActive.ShouldBeTrue();
        listed.IsLockedOut.ShouldBeFalse();
        var therapists = (await App.SendAsync(_clinic.Desk, new ListStaffQuery(StaffRoles.Therapist))).Ok();
        therapists.Select(t => t.FullName).ShouldContain("Ines Carvalho");
    }

    [Fact]
    public async Task An_email_another_account_already_uses_is_refused_on_the_email_field()
    {
        (await App.SendAsync(_admin, new CreateStaffMemberCommand("Ines Carvalho", "ines@northside.example", StaffRoles.Therapist))).Ok();
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        var otherAdmin = await elsewhere.AddStaffAsync("Olu Adeyemi", StaffRoles.Admin);

        var again = await App.SendAsync(_admin, new CreateStaffMemberCommand("Ines C.", "ines@northside.example", StaffRoles.FrontDesk));
        var otherClinic = await App.SendAsync(otherAdmin, new CreateStaffMemberCommand("Ines C.", "INES@northside.example", StaffRoles.FrontDesk));

        again.Failed(ErrorKind.Validation).For("Email").ShouldBe(EmailTaken);
        otherClinic.Failed(ErrorKind.Validation).For("Email").ShouldBe(EmailTaken);
        (await App.ReadAsync(db => db.StaffMembers.IgnoreQueryFilters().CountAsync(s => s.Email.StartsWith("ines")))).ShouldBe(1);
    }

    public static TheoryData<CreateStaffMemberCommand, string, string> BadInput() => new()
    {
        { new("", "ines@northside.example", StaffRoles.Therapist), "FullName", "Enter the staff member's name." },
        { new("Ines Carvalho", "", StaffRoles.Therapist), "Email", "Enter the staff member's email; it is how they sign in." },
        { new("Ines Carvalho", "ines at northside", StaffRoles.Therapist), "Email", "Enter an email address such as name@clinic.org." },
        { new("Ines Carvalho", "ines@northside.example", null), "Role", "Choose the staff member's role." },
        { new("Ines Carvalho", "ines@northside.example", "Superuser"), "Role", "Choose one of the roles: therapist, clinic manager, front desk or admin." },
        { new(new string('x', StaffMember.FullNameMaxLength + 1), "ines@northside.example", StaffRoles.Therapist), "FullName", "The name can be at most 120 characters; this one has 121." },
        { new("Ines Carvalho", "ines@northside.example", StaffRoles.Therapist, new string('x', StaffMember.TitleMaxLength + 1)), "ProfessionalTitle", "The professional title can be at most 120 characters; this one has 121." },
        { new("Ines Carvalho", "ines@northside.example", StaffRoles.Therapist, null, new string('1', StaffMember.LicenceNumberMaxLength + 1)), "LicenceNumber", "The licence number can be at most 60 characters; this one has 61." },
        { new("Ines\0Carvalho", "ines@northside.example", StaffRoles.Therapist), "FullName", "Full name: there is an invisible character in it (a NUL, often pasted from another program) that cannot be saved; delete it and try again." },
        { new("Ines Carvalho", "ines\0@northside.example", StaffRoles.Therapist), "Email", "Email: there is an invisible character in it (a NUL, often pasted from another program) that cannot be saved; delete it and try again." },
        { new("Ines Carvalho", "ines@northside.example", StaffRoles.Therapist, "Physio\0"), "ProfessionalTitle", "Professional title: there is an invisible character in it (a NUL, often pasted from another program) that cannot be saved; delete it and try again." },
        { new("Ines Carvalho", "ines@northside.example", StaffRoles.Therapist, "Physio\u001b[31m"), "ProfessionalTitle", "The professional title contains an invisible control or text-direction character (often pasted from another program); retype it." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_sentence_on_its_field_and_nothing_is_written(CreateStaffMemberCommand command, string field, string message)
    {
        var result = await App.SendAsync(_admin, command);

        result.Failed(ErrorKind.Validation).For(field).ShouldBe(message);
        (await App.ReadAsync(db => db.StaffMembers.IgnoreQueryFilters().CountAsync())).ShouldBe(5);
        (await App.ReadAsync(db => db.Users.CountAsync())).ShouldBe(5);
    }

    [Fact]
    public async Task Markup_in_a_name_is_kept_as_the_text_it_is()
    {
        const string name = "<script>alert('x')</script> Berg";

        var created = (await App.SendAsync(_admin, new CreateStaffMemberCommand(name, "markup@northside.example", StaffRoles.FrontDesk, "<b>Desk</b>"))).Ok();

        var member = (await App.SendAsync(_admin, new GetStaffMemberQuery(created.StaffMemberId))).Ok().Member;
        member.FullName.ShouldBe(name);
        member.ProfessionalTitle.ShouldBe("<b>Desk</b>");
    }

    [Fact]
    public async Task Editing_renames_retitles_and_changes_the_role_of_member_and_sign_in_alike()
    {
        var jonasId = TestClinic.IdOf(_clinic.OtherTherapist);
        var before = (await App.SendAsync(_admin, new GetStaffMemberQuery(jonasId))).Ok().Member;
        var stampBefore = await SecurityStampAsync(jonasId);

        (await App.SendAsync(_admin, new EditStaffMemberCommand(
            jonasId, before.Version, "Jonas Berg-Lind", StaffRoles.ClinicManager, "Clinical lead", "HCPC PH118760"))).Ok();

        var after = (await App.SendAsync(_admin, new GetStaffMemberQuery(jonasId))).Ok().Member;
        after.FullName.ShouldBe("Jonas Berg-Lind");
        after.Role.ShouldBe(StaffRoles.ClinicManager);
        after.ProfessionalTitle.ShouldBe("Clinical lead");
        after.LicenceNumber.ShouldBe("HCPC PH118760");
        var user = await App.ReadAsync(db => db.Users.SingleAsync(u => u.Id == jonasId));
        user.FullName.ShouldBe("Jonas Berg-Lind");
        var roles = await App.ReadAsync(db => db.UserRoles.Where(ur => ur.UserId == jonasId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        roles.ShouldBe([StaffRoles.ClinicManager]);
        // A new role applies from the next sign-in: open sessions end.
        (await SecurityStampAsync(jonasId)).ShouldNotBe(stampBefore);
    }

    [Fact]
    public async Task An_edit_that_crossed_another_is_a_conflict_and_the_other_edit_stays()
    {
        var jonasId = TestClinic.IdOf(_clinic.OtherTherapist);
        var loaded = (await App.SendAsync(_admin, new GetStaffMemberQuery(jonasId))).Ok().Member;
        (await App.SendAsync(_admin, new EditStaffMemberCommand(jonasId, loaded.Version, "Jonas Berg", StaffRoles.Therapist, "Physiotherapist", null))).Ok();

        var stale = await App.SendAsync(_admin, new EditStaffMemberCommand(jonasId, loaded.Version, "Jonas B.", StaffRoles.Therapist, "Sports physio", null));

        stale.Failed(ErrorKind.Conflict);
        var member = (await App.SendAsync(_admin, new GetStaffMemberQuery(jonasId))).Ok().Member;
        member.ProfessionalTitle.ShouldBe("Physiotherapist");
        (await App.ReadAsync(db => db.Users.SingleAsync(u => u.Id == jonasId))).FullName.ShouldBe("Jonas Berg");
    }

    [Fact]
    public async Task An_admin_can_neither_deactivate_themselves_nor_change_their_own_role()
    {
        var adminId = TestClinic.IdOf(_admin);
        var me = (await App.SendAsync(_admin, new GetStaffMemberQuery(adminId))).Ok().Member;

        var deactivate = await App.SendAsync(_admin, new DeactivateStaffMemberCommand(adminId));
        var demote = await App.SendAsync(_admin, new EditStaffMemberCommand(adminId, me.Version, me.FullName, StaffRoles.Therapist, null, null));

        deactivate.Failed(ErrorKind.Rule).Message.ShouldBe("You cannot deactivate your own account; ask another admin.");
        demote.Failed(ErrorKind.Rule).Message.ShouldBe("You cannot change your own role; ask another admin.");
        var after = (await App.SendAsync(_admin, new GetStaffMemberQuery(adminId))).Ok().Member;
        after.IsActive.ShouldBeTrue();
        after.Role.ShouldBe(StaffRoles.Admin);
    }

    [Fact]
    public async Task A_deactivated_therapist_is_no_longer_offered_or_assignable_but_keeps_their_name_on_episodes()
    {
        var jonasId = TestClinic.IdOf(_clinic.OtherTherapist);
        var episodeId = await _clinic.OpenEpisodeAsync(therapist: _clinic.OtherTherapist);
        var visitId = await _clinic.ScheduleVisitAsync(await _clinic.OpenEpisodeAsync());
        var stampBefore = await SecurityStampAsync(jonasId);

        (await App.SendAsync(_admin, new DeactivateStaffMemberCommand(jonasId))).Ok();

        var member = (await App.SendAsync(_admin, new GetStaffMemberQuery(jonasId))).Ok().Member;
        member.IsActive.ShouldBeFalse();
        member.DeactivatedBy.ShouldBe("Sam Okafor");
        (await SecurityStampAsync(jonasId)).ShouldNotBe(stampBefore);
        var therapists = (await App.SendAsync(_clinic.Desk, new ListStaffQuery(StaffRoles.Therapist))).Ok();
        therapists.Select(t => t.FullName).ShouldBe(["Maya Lindqvist"]);
        (await _clinic.EpisodeAsync(episodeId)).TherapistName.ShouldBe("Jonas Berg");
        (await App.SendAsync(_clinic.Desk, new OpenEpisodeCommand(_clinic.PatientId, "Knot", Domain.Episodes.BodyRegion.PosteriorThigh,
            Domain.Episodes.BodySide.Left, null, null, jonasId))).Failed(ErrorKind.Validation).For("TherapistId").ShouldNotBeNull();
        (await App.SendAsync(_clinic.Desk, new AssignVisitCoverCommand(visitId, jonasId)))
            .Failed(ErrorKind.Validation).For("CoveringTherapistId").ShouldNotBeNull();

        (await App.SendAsync(_admin, new ReactivateStaffMemberCommand(jonasId))).Ok();
        (await App.SendAsync(_clinic.Desk, new AssignVisitCoverCommand(visitId, jonasId))).Ok();
    }

    [Fact]
    public async Task Resetting_a_password_gives_a_new_temporary_one_and_the_old_one_stops_working()
    {
        var created = (await App.SendAsync(_admin, new CreateStaffMemberCommand("Ines Carvalho", "ines@northside.example", StaffRoles.Therapist))).Ok();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var passwords = scope.ServiceProvider.GetRequiredService<StaffPasswords>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await passwords.ChooseAsync((await users.FindByIdAsync(created.StaffMemberId.ToString()))!, "Her-Own-Password-9")).ShouldBeEmpty();
        }

        var reset = (await App.SendAsync(_admin, new ResetStaffPasswordCommand(created.StaffMemberId))).Ok();

        reset.FullName.ShouldBe("Ines Carvalho");
        reset.Email.ShouldBe("ines@northside.example");
        reset.TemporaryPassword.ShouldNotBe(created.TemporaryPassword);
        await using var check = App.Services.CreateAsyncScope();
        var userManager = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await userManager.FindByIdAsync(created.StaffMemberId.ToString()))!;
        (await userManager.CheckPasswordAsync(user, "Her-Own-Password-9")).ShouldBeFalse();
        (await userManager.CheckPasswordAsync(user, reset.TemporaryPassword)).ShouldBeTrue();
        user.MustChangePassword.ShouldBeTrue();
    }

    [Fact]
    public async Task A_locked_out_account_shows_as_locked_until_an_admin_unlocks_it()
    {
        var jonasId = TestClinic.IdOf(_clinic.OtherTherapist);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var jonas = (await users.FindByIdAsync(jonasId.ToString()))!;
            // As for every account the app creates (test staff are written straight to the table).
            await users.SetLockoutEnabledAsync(jonas, true);
            for (var i = 0; i < users.Options.Lockout.MaxFailedAccessAttempts; i++)
            {
                await users.AccessFailedAsync(jonas);
            }
        }

        var locked = (await App.SendAsync(_admin, new GetStaffMemberQuery(jonasId))).Ok().Member;
        (await App.SendAsync(_admin, new UnlockStaffAccountCommand(jonasId))).Ok();
        var unlocked = (await App.SendAsync(_admin, new GetStaffMemberQuery(jonasId))).Ok().Member;

        locked.IsLockedOut.ShouldBeTrue();
        locked.LockedOutUntil.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        unlocked.IsLockedOut.ShouldBeFalse();
        (await App.ReadAsync(db => db.Users.SingleAsync(u => u.Id == jonasId))).AccessFailedCount.ShouldBe(0);
    }

    private const string EmailTaken = "Another staff account already uses this email. Each person signs in with their own.";

    private Task<string?> SecurityStampAsync(Guid userId) =>
        App.ReadAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());
}
