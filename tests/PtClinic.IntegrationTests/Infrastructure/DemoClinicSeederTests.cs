using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Features.Administration;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Handouts;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Persistence;
using PtClinic.Infrastructure.Seeding;

namespace PtClinic.IntegrationTests.Infrastructure;

public sealed class DemoClinicSeederTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Seeding_twice_leaves_one_clinic_its_demo_users_and_the_same_patients()
    {
        await App.SeedDemoClinicAsync();
        await App.SeedDemoClinicAsync();

        (await App.ReadAsync(db => db.Clinics.IgnoreQueryFilters().CountAsync())).ShouldBe(1);
        (await App.ReadAsync(db => db.Users.CountAsync())).ShouldBe(DemoClinic.Users.Count);
        (await App.ReadAsync(db => db.StaffMembers.IgnoreQueryFilters().CountAsync())).ShouldBe(DemoClinic.Users.Count);
        (await CountPatientsAsync()).ShouldBe(5);
        (await App.ReadAsync(db => db.Episodes.IgnoreQueryFilters().CountAsync())).ShouldBe(7);
        (await App.ReadAsync(db => db.Episodes.IgnoreQueryFilters().CountAsync(e => e.Status == EpisodeStatus.Discharged))).ShouldBe(2);
        (await App.ReadAsync(db => db.VisitNotes.IgnoreQueryFilters().CountAsync(n => n.Status == NoteStatus.Signed))).ShouldBe(9);
        (await App.ReadAsync(db => db.NoteAddenda.IgnoreQueryFilters().CountAsync())).ShouldBe(1);
        // The demo therapist's day is booked: one patient checked in with a draft under way, two to come.
        (await App.ReadAsync(db => db.Visits.IgnoreQueryFilters().CountAsync(v => v.Status == VisitStatus.Scheduled))).ShouldBe(2);
        (await App.ReadAsync(db => db.Visits.IgnoreQueryFilters().CountAsync(v => v.Status == VisitStatus.CheckedIn))).ShouldBe(2);
        (await App.ReadAsync(db => db.VisitNotes.IgnoreQueryFilters().CountAsync(n => n.Status == NoteStatus.Draft))).ShouldBe(1);
        (await App.ReadAsync(db => db.Consents.IgnoreQueryFilters().CountAsync(c => c.Kind == ConsentKind.DryNeedling))).ShouldBe(1);

        // Ellen's hamstring is charted in full: two signed assessments (frozen) and today's draft;
        // Greta's low back, back again, has one, signed with a red flag that is open on her episode;
        // Aisha's hamstring has five over two episodes.
        (await App.ReadAsync(db => db.VisitAssessments.IgnoreQueryFilters().CountAsync())).ShouldBe(9);
        (await App.ReadAsync(db => db.VisitAssessments.IgnoreQueryFilters().CountAsync(a => a.FrozenAt != null))).ShouldBe(8);
        var openFlag = await App.ReadAsync(db => db.EpisodeRedFlags.IgnoreQueryFilters().SingleAsync());
        (openFlag.Flag, openFlag.IsOpen).ShouldBe((PtClinic.Domain.Assessment.RedFlag.NightPain, true));
        (await App.ReadAsync(db => db.KnotFindings.IgnoreQueryFilters().CountAsync(k => k.MuscleCode == "biceps-femoris-long-head"))).ShouldBe(7);
        (await App.ReadAsync(db => db.CauseDecisions.IgnoreQueryFilters().CountAsync(d => d.Verdict == HypothesisVerdict.Confirmed))).ShouldBe(3);
        // What her signed visits performed froze with them: a dry-needling session with a minor bruise, interventions with minutes.
        (await App.ReadAsync(db => db.VisitTreatments.IgnoreQueryFilters().CountAsync(t => t.FrozenAt != null))).ShouldBe(2);
        (await App.ReadAsync(db => db.PerformedInterventions.IgnoreQueryFilters().CountAsync())).ShouldBe(6);
        var needling = await App.ReadAsync(db => db.DryNeedlingProcedures.IgnoreQueryFilters().SingleAsync());
        needling.AdverseEvents.Single().ShouldSatisfyAllConditions(
            e => e.Kind.ShouldBe(PtClinic.Domain.Treatment.AdverseEventKind.Bruising),
            e => e.Severity.ShouldBe(PtClinic.Domain.Treatment.AdverseEventSeverity.Minor));
        var ellensEpisode = await App.ReadAsync(db => db.VisitAssessments.IgnoreQueryFilters()
            .Where(a => db.Patients.IgnoreQueryFilters().Any(p => p.Id == a.PatientId && p.Mrn == "P000101"))
            .Select(a => a.EpisodeId).Distinct().SingleAsync());
        var progress = (await App.SendAsync(AppFixture.StaffOf(DemoClinic.Id, StaffRoles.Therapist), new GetEpisodeProgressQuery(ellensEpisode))).Value;
        // Her two signed visits make the progress; today's draft shows apart, as a draft.
        progress.Measures.Select(m => (m.Abbreviation, m.Signed!.Baseline, m.Signed.Latest, m.Signed.ReachesMcid)).ShouldBe(
            [("NPRS", 6m, 4m, true), ("LEFS", 48m, 56m, false), ("PSFS", 13m / 3, 16m / 3, false)]);
        progress.Measures.Select(m => m.Drafts.Single().Score).ShouldBe([3m, 61m, 7m]);
        progress.ConfirmedCauses.Select(c => c.Cause).ShouldBe([RootCause.SedentaryLifestyle, RootCause.Overexertion, RootCause.ReducedFlexibility]);

        // Her plan was revised at the second visit, and she holds the handout of each version: 1, then 2.
        var plans = await App.ReadAsync(db => db.PlansOfCare.IgnoreQueryFilters().Where(p => p.EpisodeId == ellensEpisode).OrderBy(p => p.Number)
            .Select(p => new { p.Id, p.Number, p.Status }).ToListAsync());
        plans.Select(p => (p.Number, p.Status)).ShouldBe([(1, PtClinic.Domain.Plans.PlanStatus.Signed), (2, PtClinic.Domain.Plans.PlanStatus.Signed)]);
        var handouts = (await App.SendAsync(AppFixture.StaffOf(DemoClinic.Id, StaffRoles.Therapist), new ListHandoutVersionsQuery(ellensEpisode))).Value;
        handouts.Select(h => (h.Number, h.PlanNumber, h.ItemCount, h.IsHeld)).ShouldBe([(2, 2, 4, true), (1, 1, 3, false)]);
        var held = (await App.SendAsync(AppFixture.StaffOf(DemoClinic.Id, StaffRoles.Therapist), new GetHandoutPdfQuery(ellensEpisode, handouts[0].Id))).Value;
        PtClinic.Tests.Shared.Poppler.Text(held.Content).ShouldContain("Glute bridge");

        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var demo in DemoClinic.Users)
        {
            var user = await users.FindByEmailAsync(demo.Email);
            user.ShouldNotBeNull(demo.Email);
            user.ClinicId.ShouldBe(DemoClinic.Id);
            (await users.GetRolesAsync(user)).ShouldBe([demo.Role]);
            (await users.CheckPasswordAsync(user, DemoClinic.Password)).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task The_demo_staff_have_titles_two_therapists_can_cover_and_the_second_therapists_dry_needling_credential_has_expired()
    {
        await App.SeedDemoClinicAsync();
        await App.SeedDemoClinicAsync();
        var admin = AppFixture.StaffOf(DemoClinic.Id, StaffRoles.Admin);

        var roster = (await App.SendAsync(admin, new ListStaffMembersQuery())).Value;

        roster.Members.Select(m => (m.Email, m.FullName, m.Role, m.ProfessionalTitle, m.LicenceNumber))
            .ShouldBe(DemoClinic.Users.Select(u => (u.Email, u.FullName, u.Role, (string?)u.Title, u.LicenceNumber)), ignoreOrder: true);
        roster.Members.ShouldAllBe(m => m.IsActive && !m.MustChangePassword && !m.IsLockedOut);
        var maya = roster.Members.Single(m => m.Email == DemoClinic.Therapist.Email);
        var jonas = roster.Members.Single(m => m.Email == DemoClinic.SecondTherapist.Email);
        maya.Credentials.ShouldContain(c => c.Kind == CredentialKind.DryNeedlingCertification && !c.IsExpired);
        maya.Credentials.Count(c => c.IsExpired).ShouldBe(1);
        jonas.Credentials.ShouldContain(c => c.Kind == CredentialKind.DryNeedlingCertification && c.IsExpired);
        jonas.Credentials.Count(c => c.IsExpired).ShouldBe(1);
        (await App.ReadAsync(db => db.StaffCredentials.IgnoreQueryFilters().CountAsync())).ShouldBe(5);

        var therapists = (await App.SendAsync(AppFixture.StaffOf(DemoClinic.Id, StaffRoles.FrontDesk), new ListStaffQuery(StaffRoles.Therapist))).Value;
        therapists.Select(t => t.FullName).ShouldBe(["Jonas Berg", "Maya Lindqvist"]);

        var settings = (await App.SendAsync(admin, new GetClinicSettingsQuery())).Value;
        settings.Address.ShouldBe(DemoClinic.Address);
        settings.Phone.ShouldBe(DemoClinic.Phone);
        settings.PaperSize.ShouldBe(PaperSize.A4);
        settings.OpeningHours.Count(d => d.IsOpen).ShouldBe(6);
        settings.OpeningHours.Single(d => d.Day == DayOfWeek.Sunday).IsOpen.ShouldBeFalse();
        var logo = (await App.SendAsync(admin, new GetClinicLogoQuery())).Value;
        logo.ContentType.ShouldBe("image/svg+xml");
        LogoContent.Check(logo.Content).Format.ShouldBe(ImageFormat.Svg);

        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var second = (await users.FindByEmailAsync(DemoClinic.SecondTherapist.Email)).ShouldNotBeNull();
        (await users.CheckPasswordAsync(second, DemoClinic.Password)).ShouldBeTrue();
        second.Id.ShouldBe(jonas.Id);
    }

    [Fact]
    public async Task The_demo_knots_recur_improve_and_persist_as_signed_and_a_rebuild_changes_nothing()
    {
        await App.SeedDemoClinicAsync();
        var sites = await App.ReadAsync(db => (
                from s in db.KnotSites.IgnoreQueryFilters()
                join p in db.Patients.IgnoreQueryFilters() on s.PatientId equals p.Id
                select new { p.Mrn, s.MuscleCode, s.Side, s.State, s.Flags, s.RecurrenceCount, s.DaysToLastRecurrence, s.Assessments })
            .ToListAsync());

        // Aisha: the left biceps femoris resolved, was discharged and came back 21 days later in a new episode.
        sites.Single(s => s.Mrn == "P000105" && s.MuscleCode == "biceps-femoris-long-head")
            .ShouldBe(new { Mrn = "P000105", MuscleCode = "biceps-femoris-long-head", Side = BodySide.Left, State = KnotState.Recurred,
                Flags = KnotFlags.RecurredSoon, RecurrenceCount = 1, DaysToLastRecurrence = (int?)21, Assessments = 5 });
        // Her calf: the same tenderness at the four visits that examined it (one did not).
        var calf = sites.Single(s => s.Mrn == "P000105" && s.MuscleCode == "gastrocnemius");
        (calf.State, calf.Flags, calf.Assessments).ShouldBe((KnotState.Persisting, KnotFlags.NotImproving, 4));
        // Ellen: 7 then 4 on pressure.
        var ellens = sites.Single(s => s.Mrn == "P000101" && s.MuscleCode == "biceps-femoris-long-head");
        (ellens.State, ellens.Flags).ShouldBe((KnotState.Improving, KnotFlags.None));

        var admin = AppFixture.StaffOf(DemoClinic.Id, StaffRoles.Admin);
        (await App.SendAsync(admin, new PtClinic.Application.Features.Knots.RebuildClinicKnotStatesCommand())).Value!.Changed.ShouldBe(0);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_PostgreSQL_for_every_web_node()
    {
        var protector = App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        var secret = protector.Protect("knot in the left hamstring");

        protector.Unprotect(secret).ShouldBe("knot in the left hamstring");
        (await App.ReadAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);
    }
}
