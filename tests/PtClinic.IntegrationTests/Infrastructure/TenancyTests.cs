using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Handouts;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Plans;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Treatment;
using PtClinic.Domain.Visits;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Identity;
using PtClinic.Infrastructure.Persistence;
using PtClinic.IntegrationTests.Security;
using PtClinic.Tests.Shared;

namespace PtClinic.IntegrationTests.Infrastructure;

public sealed class TenancyTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_user_of_one_clinic_reads_no_row_of_another_through_any_DbSet()
    {
        var a = await App.AddClinicAsync("Clinic A");
        var b = await App.AddClinicAsync("Clinic B");
        await AddFullChartAsync(a, "Anna", "Andersson");
        await AddFullChartAsync(b, "Bert", "Berg");

        await using var db = App.Database.CreateContext(new TestUser(Guid.CreateVersion7(), a, [StaffRoles.Therapist]));
        var dbSets = typeof(IAppDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Where(p => !ReferenceData.Contains(p.PropertyType.GetGenericArguments()[0]))
            .ToList();
        dbSets.ShouldNotBeEmpty();

        foreach (var property in dbSets)
        {
            var rows = await LoadAllAsync(property, db);
            var unfiltered = await App.ReadAsync(raw => LoadAllAsync(property, raw, ignoreFilters: true));
            unfiltered.Count.ShouldBeGreaterThan(rows.Count, $"{property.Name}: clinic B's rows must exist to be hidden");
            rows.ShouldNotBeEmpty($"{property.Name}: clinic A sees its own rows");
            rows.ShouldAllBe(row => ClinicOf(row) == a, $"{property.Name} leaked another clinic's row");
        }
    }

    /// <summary>Shared by every clinic on purpose: no clinic column, nothing to keep apart.</summary>
    private static readonly Type[] ReferenceData = [typeof(Muscle), typeof(CatalogIntervention)];

    [Fact]
    public async Task Every_table_with_a_clinic_column_is_filtered_by_clinic()
    {
        await using var db = App.Database.CreateContext();

        var unfiltered = db.Model.GetEntityTypes()
            .Where(t => t.FindProperty(nameof(ITenantOwned.ClinicId)) is not null || t.ClrType == typeof(Clinic))
            .Where(t => t.ClrType != typeof(ApplicationUser)) // sign-in must find users before a clinic is known
            .Where(t => t.ClrType != typeof(SignInSession)) // the cookie's session is read before a clinic is known
            .Where(t => t.GetDeclaredQueryFilters().Count == 0)
            .Select(t => t.ClrType.Name)
            .ToList();

        unfiltered.ShouldBeEmpty();
    }

    [Fact]
    public async Task Opening_another_clinics_patient_by_id_is_not_found()
    {
        var a = await App.AddClinicAsync("Clinic A");
        var b = await App.AddClinicAsync("Clinic B");
        var bertId = (await App.SendAsync(AppFixture.StaffOf(b, StaffRoles.FrontDesk),
            new RegisterPatientCommand("Bert", "Berg", new DateOnly(1981, 2, 2), Sex.Male))).Value;

        var read = await App.SendAsync(AppFixture.StaffOf(a, StaffRoles.Therapist), new GetPatientQuery(bertId));

        read.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task Saving_a_row_of_another_clinic_is_refused()
    {
        var a = await App.AddClinicAsync("Clinic A");
        var b = await App.AddClinicAsync("Clinic B");
        await using var db = App.Database.CreateContext(new TestUser(Guid.CreateVersion7(), a, [StaffRoles.FrontDesk]));

        db.Patients.Add(Patient.Register(b, "X-1", "Bert", "Berg", new DateOnly(1981, 2, 2), Sex.Male, DateTimeOffset.UtcNow, new DateOnly(2026, 1, 1)));

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        (await CountPatientsAsync()).ShouldBe(0);
    }

    /// <summary>
    /// A row in every clinical table: patient, consent, episode (and its outcome row and month total), visit, signed
    /// note (which tracks its knot site), addendum; and
    /// in every administration table: staff member, credential, logo, handout illustration. The note is signed and
    /// amended through the commands: signing is what freezes the assessment.
    /// </summary>
    private async Task AddFullChartAsync(Guid clinicId, string given, string family)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var therapist = new StaffRef(Guid.CreateVersion7(), "Test Therapist");
        // The operation's own context: episodes and visits raise domain events, which only a
        // context of a scope can dispatch (the episode's outcome row is written with them).
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var email = $"{Guid.NewGuid():N}@test.ptclinic.org";
        db.Users.Add(new ApplicationUser { Id = therapist.UserId, UserName = email, Email = email, FullName = therapist.Name, ClinicId = clinicId });
        var member = StaffMember.Join(therapist.UserId, clinicId, therapist.Name, email, StaffRoles.Therapist, "Physiotherapist", null, now);
        member.AddCredential(CredentialKind.DryNeedlingCertification, "AACP", null, today.AddYears(-1), today.AddYears(1), today, now);
        db.AddRange(member, ClinicLogo.Upload(clinicId, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), therapist, now));
        db.Add(ClinicIntervention.RetireSeeded(clinicId, InterventionCatalog.All[0], therapist, now));
        db.Add(ClinicIllustration.Upload(clinicId, InterventionCatalog.GluteBridge, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), therapist, now));
        var patient = Patient.Register(clinicId, $"{family}-1", given, family, new DateOnly(1980, 1, 1), Sex.Female, now, today);
        patient.RecordConsent(ConsentKind.Treatment, today, false, true, null, therapist, now, today);
        var episode = EpisodeOfCare.Open(clinicId, patient.Id, "Knot in the left hamstring", BodyRegion.PosteriorThigh,
            BodySide.Left, null, null, therapist.UserId, now, today);
        var visit = Visit.Schedule(episode, therapist.UserId, now, 45, VisitType.InitialEvaluation, now);
        visit.CheckIn(episode, now);
        var note = VisitNote.Start(visit, therapist, now);
        note.SaveDraft("Tight behind the left knee", null, null, null, therapist, now);
        var assessment = VisitAssessment.Start(visit, therapist, now);
        assessment.RecordFindings(Findings.None with { Pain = new PainFindings(now: 6), RedFlags = new HashSet<RedFlag> { RedFlag.NightPain } }, therapist, now);
        assessment.AddKnot("semitendinosus", BodySide.Left, MuscleZone.MiddleThird, new KnotPresentation(6, null, 10, true, false, []), therapist, now);
        assessment.MarkAbsent(new Domain.Knots.KnotSiteKey("biceps-femoris-long-head", BodySide.Left, MuscleZone.MiddleThird), therapist, now);
        var referral = ReferralRules.Evaluate(assessment.Findings, [6])!;
        var decision = CauseDecision.Record(clinicId, episode.Id, visit.Id,
            HypothesisDecision.Confirm(RootCause.MuscleGuarding, "Guarding seen on palpation", therapist, now), []);
        var acknowledgement = ReferralAcknowledgement.Record(clinicId, episode.Id, visit.Id, referral, ReferralAction.Referred, "GP letter", therapist, now);
        var treatment = VisitTreatment.Start(visit, therapist, now);
        var eligible = new SafetyContext(MedicalHistory.None, new HashSet<RedFlag>(), TreatmentAreaFindings.None, true, true);
        treatment.Perform(InterventionCatalog.Find(InterventionCatalog.GluteBridge)!, 20, null, null, eligible, therapist, now);
        treatment.RecordDryNeedling(InterventionCatalog.Find(InterventionCatalog.DryNeedling)!, assessment.Knots,
            [.. assessment.Knots.Select(k => new NeedledKnot(k.Id, true))], new DryNeedlingDetails(1, 0.25m, 40, "LOT-1", DryNeedlingTechnique.Static, null, []),
            null, eligible, therapist, now);
        var plan = PtClinic.Domain.Plans.PlanOfCare.Start(episode, today, therapist, now);
        db.AddRange(patient, episode, visit, note, assessment, decision, acknowledgement, treatment, plan);
        await db.SaveChangesAsync();

        var signer = AppFixture.StaffOf(clinicId, therapist.UserId, StaffRoles.Therapist);
        (await App.SendAsync(signer, new SignVisitNoteCommand(visit.Id, note.Version))).IsSuccess.ShouldBeTrue();
        (await App.SendAsync(signer, new AddNoteAddendumCommand(visit.Id, "Forgot: pain 6/10 after running"))).IsSuccess.ShouldBeTrue();

        // The plan signed, and its home program issued as a handout.
        var draft = (await App.SendAsync(signer, new GetPlanOfCareQuery(episode.Id))).Value.Draft!;
        var saved = (await App.SendAsync(signer, new SavePlanDraftCommand(episode.Id, plan.Id, draft.Version, ScenarioClinic.ReadyPlan with { StartsOn = today }))).Value;
        (await App.SendAsync(signer, new SignPlanOfCareCommand(episode.Id, plan.Id, saved.Version, today, null))).IsSuccess.ShouldBeTrue();
        (await App.SendAsync(signer, new IssueHandoutCommand(episode.Id, LargePrint: false))).IsSuccess.ShouldBeTrue();

        // The day's handouts printed as a run: the visit above is today's, its episode's plan signed.
        var run = (await App.SendAsync(signer, new StartHandoutPrintRunCommand(LargePrint: false))).Value;
        (await App.SendAsync(signer, new PrintRunStepCommand(run.RunId))).IsSuccess.ShouldBeTrue();

        // Discharged last: the episode then adds to its month's outcome totals.
        var open = (await App.SendAsync(signer, new GetEpisodeQuery(episode.Id))).Value;
        (await App.SendAsync(signer, new DischargeEpisodeCommand(episode.Id, open.Version, DischargeReason.GoalsMet, null))).IsSuccess.ShouldBeTrue();
    }

    private static async Task<List<object>> LoadAllAsync(PropertyInfo dbSetProperty, IAppDbContext db, bool ignoreFilters = false)
    {
        var entityType = dbSetProperty.PropertyType.GetGenericArguments()[0];
        var method = typeof(TenancyTests).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(entityType);
        return await (Task<List<object>>)method.Invoke(null, [dbSetProperty.GetValue(db), ignoreFilters])!;
    }

    private static async Task<List<object>> LoadAsync<T>(DbSet<T> set, bool ignoreFilters)
        where T : class
    {
        var query = ignoreFilters ? set.IgnoreQueryFilters() : set;
        return (await query.ToListAsync()).Cast<object>().ToList();
    }

    private static Guid ClinicOf(object row) => row switch
    {
        Clinic clinic => clinic.Id,
        ITenantOwned owned => owned.ClinicId,
        Domain.Audit.AuditEvent audit => audit.ClinicId ?? Guid.Empty,
        _ => throw new InvalidOperationException($"{row.GetType().Name} has no clinic: add it to ITenantOwned."),
    };
}
