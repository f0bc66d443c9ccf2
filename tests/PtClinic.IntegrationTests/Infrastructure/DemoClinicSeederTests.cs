using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application.Features.Administration;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Handouts;
using PtClinic.Application.Features.Patients;
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
        // The hand-written patients' records, apart from the synthetic history beside them (counted below).
        var demo = await HandWrittenPatientIdsAsync();

        (await App.ReadAsync(db => db.Clinics.IgnoreQueryFilters().CountAsync())).ShouldBe(1);
        (await App.ReadAsync(db => db.Users.CountAsync())).ShouldBe(DemoClinic.Users.Count);
        (await App.ReadAsync(db => db.StaffMembers.IgnoreQueryFilters().CountAsync())).ShouldBe(DemoClinic.Users.Count);
        demo.Count.ShouldBe(5);
        (await App.ReadAsync(db => db.Episodes.IgnoreQueryFilters().CountAsync(e => demo.Contains(e.PatientId)))).ShouldBe(7);
        (await App.ReadAsync(db => db.Episodes.IgnoreQueryFilters().CountAsync(e => demo.Contains(e.PatientId) && e.Status == EpisodeStatus.Discharged))).ShouldBe(2);
        (await App.ReadAsync(db => db.VisitNotes.IgnoreQueryFilters().CountAsync(n => n.Status == NoteStatus.Signed && db.Visits.IgnoreQueryFilters().Any(v => v.Id == n.VisitId && demo.Contains(v.PatientId))))).ShouldBe(9);
        (await App.ReadAsync(db => db.NoteAddenda.IgnoreQueryFilters().CountAsync())).ShouldBe(1);
        // The demo therapist's day is booked: one patient checked in with a draft under way, two to come.
        (await App.ReadAsync(db => db.Visits.IgnoreQueryFilters().CountAsync(v => v.Status == VisitStatus.Scheduled))).ShouldBe(2);
        (await App.ReadAsync(db => db.Visits.IgnoreQueryFilters().CountAsync(v => v.Status == VisitStatus.CheckedIn))).ShouldBe(2);
        (await App.ReadAsync(db => db.VisitNotes.IgnoreQueryFilters().CountAsync(n => n.Status == NoteStatus.Draft && db.Visits.IgnoreQueryFilters().Any(v => v.Id == n.VisitId && demo.Contains(v.PatientId))))).ShouldBe(1);
        (await App.ReadAsync(db => db.Consents.IgnoreQueryFilters().CountAsync(c => demo.Contains(c.PatientId) && c.Kind == ConsentKind.DryNeedling))).ShouldBe(1);

        // Ellen's hamstring is charted in full: two signed assessments (frozen) and today's draft;
        // Greta's low back, back again, has one, signed with a red flag that is open on her episode;
        // Aisha's hamstring has five over two episodes.
        (await App.ReadAsync(db => db.VisitAssessments.IgnoreQueryFilters().CountAsync(a => demo.Contains(a.PatientId)))).ShouldBe(9);
        (await App.ReadAsync(db => db.VisitAssessments.IgnoreQueryFilters().CountAsync(a => demo.Contains(a.PatientId) && a.FrozenAt != null))).ShouldBe(8);
        var openFlag = await App.ReadAsync(db => db.EpisodeRedFlags.IgnoreQueryFilters().SingleAsync());
        (openFlag.Flag, openFlag.IsOpen).ShouldBe((PtClinic.Domain.Assessment.RedFlag.NightPain, true));
        (await App.ReadAsync(db => db.KnotFindings.IgnoreQueryFilters().CountAsync(k => demo.Contains(k.PatientId) && k.MuscleCode == "biceps-femoris-long-head"))).ShouldBe(7);
        (await App.ReadAsync(db => db.CauseDecisions.IgnoreQueryFilters().CountAsync(d => d.Verdict == HypothesisVerdict.Confirmed && db.Episodes.IgnoreQueryFilters().Any(e => e.Id == d.EpisodeId && demo.Contains(e.PatientId))))).ShouldBe(3);
        // What her signed visits performed froze with them: a dry-needling session with a minor bruise, interventions with minutes.
        (await App.ReadAsync(db => db.VisitTreatments.IgnoreQueryFilters().CountAsync(t => demo.Contains(t.PatientId) && t.FrozenAt != null))).ShouldBe(2);
        (await App.ReadAsync(db => db.PerformedInterventions.IgnoreQueryFilters().CountAsync(i => db.VisitTreatments.IgnoreQueryFilters().Any(t => t.Id == i.TreatmentId && demo.Contains(t.PatientId))))).ShouldBe(6);
        var needling = await App.ReadAsync(db => db.DryNeedlingProcedures.IgnoreQueryFilters().SingleAsync(d => db.VisitTreatments.IgnoreQueryFilters().Any(t => t.Id == d.TreatmentId && demo.Contains(t.PatientId))));
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
        foreach (var demoUser in DemoClinic.Users)
        {
            var user = await users.FindByEmailAsync(demoUser.Email);
            user.ShouldNotBeNull(demoUser.Email);
            user.ClinicId.ShouldBe(DemoClinic.Id);
            (await users.GetRolesAsync(user)).ShouldBe([demoUser.Role]);
            (await users.CheckPasswordAsync(user, DemoClinic.Password)).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task The_demo_staff_have_titles_three_therapists_can_cover_and_the_second_therapists_dry_needling_credential_has_expired()
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
        (await App.ReadAsync(db => db.StaffCredentials.IgnoreQueryFilters().CountAsync())).ShouldBe(6);

        var therapists = (await App.SendAsync(AppFixture.StaffOf(DemoClinic.Id, StaffRoles.FrontDesk), new ListStaffQuery(StaffRoles.Therapist))).Value;
        therapists.Select(t => t.FullName).ShouldBe(["Jonas Berg", "Leila Haddad", "Maya Lindqvist"]);

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
    public async Task The_demo_clinic_holds_six_months_of_history_across_three_therapists_all_before_today()
    {
        await App.SeedDemoClinicAsync();
        var demo = await HandWrittenPatientIdsAsync();
        var today = DemoClinic.Calendar.DateOf(DateTimeOffset.UtcNow);
        var (todayStarts, _) = DemoClinic.Calendar.DayOf(today);
        var monthAgo = DemoClinic.Calendar.StartOf(today.AddMonths(-1));
        var sixMonthsAgo = DemoClinic.Calendar.StartOf(today.AddMonths(-6));
        var episodes = await App.ReadAsync(db => (
                from e in db.Episodes.IgnoreQueryFilters()
                join s in db.StaffMembers.IgnoreQueryFilters() on e.TherapistId equals s.Id
                where !demo.Contains(e.PatientId)
                select new { e.Id, s.Email, e.Status, e.OpenedAt, s.JoinedAt })
            .ToListAsync());

        episodes.Count.ShouldBeInRange(150, 250);
        episodes.ShouldAllBe(e => e.OpenedAt >= sixMonthsAgo.AddDays(-2) && e.OpenedAt < todayStarts);
        string[] therapists = [DemoClinic.Therapist.Email, DemoClinic.SecondTherapist.Email, DemoClinic.ThirdTherapist.Email];
        episodes.Select(e => e.Email).Distinct().ShouldBe(therapists, ignoreOrder: true);
        // Over six months each has enough to compare; in the last month the newest has too few (under 10).
        foreach (var email in therapists)
        {
            episodes.Count(e => e.Email == email).ShouldBeGreaterThanOrEqualTo(10, email);
        }

        var third = episodes.Where(e => e.Email == DemoClinic.ThirdTherapist.Email).ToList();
        third.Count(e => e.OpenedAt >= monthAgo).ShouldBeLessThan(10);
        third.ShouldAllBe(e => e.OpenedAt >= e.JoinedAt.AddDays(-2)); // opened the evening before her first visit, at the earliest
        episodes.Count(e => e.Status == EpisodeStatus.Discharged).ShouldBeGreaterThan(episodes.Count / 3);
        episodes.Count(e => e.Status == EpisodeStatus.Active).ShouldBeGreaterThan(20);

        // Every visit of the history is before the demo's today: the day is the demo seeder's to book.
        var visits = await App.ReadAsync(db => db.Visits.IgnoreQueryFilters().Where(v => !demo.Contains(v.PatientId))
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(v => v.StartsAt), NoShows = g.Count(v => v.Status == VisitStatus.NoShow) })
            .SingleAsync());
        visits.Count.ShouldBeGreaterThan(1000);
        visits.Last.ShouldBeLessThan(todayStarts);
        visits.NoShows.ShouldBeGreaterThan(0);

        // Discharged episodes whose discharge visit carries no score: the gap the dashboard must show as one.
        var unscored = await App.ReadAsync(db => db.Episodes.IgnoreQueryFilters()
            .CountAsync(e => !demo.Contains(e.PatientId) && e.Status == EpisodeStatus.Discharged
                && !db.VisitAssessments.IgnoreQueryFilters().Any(a => a.EpisodeId == e.Id
                    && db.Visits.IgnoreQueryFilters().Any(v => v.Id == a.VisitId && v.Type == VisitType.Discharge)
                    && db.RecordedOutcomes.IgnoreQueryFilters().Any(o => o.AssessmentId == a.Id))));
        unscored.ShouldBeGreaterThan(5);

        // Dry needling by the certified only: Maya, Jonas until his certificate ran out, never Leila; a few adverse events.
        var needling = await App.ReadAsync(db => (
                from d in db.DryNeedlingProcedures.IgnoreQueryFilters()
                join t in db.VisitTreatments.IgnoreQueryFilters() on d.TreatmentId equals t.Id
                join v in db.Visits.IgnoreQueryFilters() on t.VisitId equals v.Id
                join s in db.StaffMembers.IgnoreQueryFilters() on d.PerformedBy.UserId equals s.Id
                where !demo.Contains(t.PatientId)
                select new { s.Email, v.StartsAt, d.AdverseEvents })
            .ToListAsync());
        needling.Select(n => n.Email).Distinct().ShouldBe([DemoClinic.Therapist.Email, DemoClinic.SecondTherapist.Email], ignoreOrder: true);
        var jonasUntil = await App.ReadAsync(db => db.StaffCredentials.IgnoreQueryFilters()
            .Where(c => c.Kind == CredentialKind.DryNeedlingCertification && db.StaffMembers.IgnoreQueryFilters().Any(s => s.Id == c.StaffMemberId && s.Email == DemoClinic.SecondTherapist.Email))
            .Select(c => c.ExpiresOn).SingleAsync());
        needling.Where(n => n.Email == DemoClinic.SecondTherapist.Email).ShouldAllBe(n => DemoClinic.Calendar.DateOf(n.StartsAt) <= jonasUntil);
        needling.Count(n => n.AdverseEvents.Count > 0).ShouldBeGreaterThan(0);

        // Knots that came back, and no synthetic patient named like a hand-written one.
        (await App.ReadAsync(db => db.KnotSites.IgnoreQueryFilters().CountAsync(k => !demo.Contains(k.PatientId) && k.RecurrenceCount > 0))).ShouldBeGreaterThan(0);
        var names = await App.ReadAsync(db => db.Patients.IgnoreQueryFilters().Where(p => !demo.Contains(p.Id)).Select(p => new { p.GivenName, p.FamilyName }).ToListAsync());
        foreach (var (_, given, family, _, _, _) in DemoClinicSeeder.HandWrittenPatients)
        {
            names.ShouldNotContain(n => n.GivenName == given || n.FamilyName.StartsWith(family));
        }

        var marsch = (await App.SendAsync(AppFixture.StaffOf(DemoClinic.Id, StaffRoles.Therapist), new SearchPatientsQuery("Marsch"))).Value;
        marsch[0].FullName.ShouldBe("Ellen Marsh");
    }

    [Fact]
    public async Task Seeding_the_history_twice_writes_it_once()
    {
        await App.SeedDemoClinicAsync();
        var first = await FingerprintAsync();

        await App.SeedDemoClinicAsync();

        (await FingerprintAsync()).ShouldBe(first);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_PostgreSQL_for_every_web_node()
    {
        var protector = App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        var secret = protector.Protect("knot in the left hamstring");

        protector.Unprotect(secret).ShouldBe("knot in the left hamstring");
        (await App.ReadAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);
    }

    private Task<List<Guid>> HandWrittenPatientIdsAsync()
    {
        var mrns = DemoClinicSeeder.HandWrittenPatients.Select(p => p.Mrn).ToList();
        return App.ReadAsync(db => db.Patients.IgnoreQueryFilters().Where(p => mrns.Contains(p.Mrn)).Select(p => p.Id).ToListAsync());
    }

    /// <summary>Rows by table, and the newest visit: a second seeding must change none of it.</summary>
    private Task<string> FingerprintAsync() => App.ReadAsync(async db =>
        string.Join(", ",
            await db.Patients.IgnoreQueryFilters().CountAsync(),
            await db.Episodes.IgnoreQueryFilters().CountAsync(),
            await db.Visits.IgnoreQueryFilters().CountAsync(),
            await db.VisitNotes.IgnoreQueryFilters().CountAsync(),
            await db.VisitAssessments.IgnoreQueryFilters().CountAsync(),
            await db.RecordedOutcomes.IgnoreQueryFilters().CountAsync(),
            await db.KnotFindings.IgnoreQueryFilters().CountAsync(),
            await db.KnotSites.IgnoreQueryFilters().CountAsync(),
            await db.CauseDecisions.IgnoreQueryFilters().CountAsync(),
            await db.PlansOfCare.IgnoreQueryFilters().CountAsync(),
            await db.DryNeedlingProcedures.IgnoreQueryFilters().CountAsync(),
            await db.Visits.IgnoreQueryFilters().MaxAsync(v => v.StartsAt)));
}
