using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Administration;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Handouts;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Plans;
using PtClinic.Application.Features.Treatment;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.Domain.Visits;
using PtClinic.Infrastructure.Persistence;
using PtClinic.IntegrationTests.Features.Episodes;
using PtClinic.IntegrationTests.Features.Treatment;
using static PtClinic.IntegrationTests.Security.ScenarioClinic;

namespace PtClinic.IntegrationTests.Security;

/// <summary>
/// Hostile input, table-driven over the main commands: every value is either stored exactly (read
/// back equal) or refused with a field error that names the field in words, and a refused value
/// leaves the whole database as it was. Single-line fields refuse control and direction characters;
/// multi-line fields allow tab, line feed, carriage return and the direction marks.
/// </summary>
public sealed class HostileInputTests(AppFixture app) : IntegrationTest(app)
{
    /// <summary>A text field of a command: how to send a value in it, and how to find it stored.</summary>
    private sealed record TextField(
        string Name,
        string ErrorField,
        string Words,
        int MaxLength,
        bool MultiLine,
        Func<ScenarioClinic, string, Task<(System.Security.Claims.ClaimsPrincipal Actor, IMessage Message)>> Send,
        Func<AppDbContext, string, Task<bool>> IsStored);

    private static readonly TextField[] Fields =
    [
        new("RegisterPatient.GivenName", "GivenName", "given name", Patient.NameMaxLength, false,
            async (s, v) => (s.Desk, new RegisterPatientCommand(v, "Marsh", new DateOnly(1988, 3, 14), Sex.Female)),
            async (db, v) => (await db.Patients.IgnoreQueryFilters().ToListAsync()).Any(p => p.GivenName == v)),
        new("RegisterPatient.FamilyName", "FamilyName", "family name", Patient.NameMaxLength, false,
            async (s, v) => (s.Desk, new RegisterPatientCommand("Ellen", v, new DateOnly(1988, 3, 14), Sex.Female)),
            async (db, v) => (await db.Patients.IgnoreQueryFilters().ToListAsync()).Any(p => p.FamilyName == v)),
        new("RegisterPatient.Occupation", "Occupation", "occupation", Patient.OccupationMaxLength, false,
            async (s, v) => (s.Desk, new RegisterPatientCommand("Ellen", "Marsh", new DateOnly(1988, 3, 14), Sex.Female, Occupation: v)),
            async (db, v) => (await db.Patients.IgnoreQueryFilters().ToListAsync()).Any(p => p.Occupation == v)),
        new("EditPatient.GivenName", "GivenName", "given name", Patient.NameMaxLength, false,
            async (s, v) => (s.Desk, Edit(await s.ChartAsync(), v)),
            async (db, v) => (await db.Patients.IgnoreQueryFilters().ToListAsync()).Any(p => p.GivenName == v)),
        new("RecordConsent.Note", "Note", "note", Consent.NoteMaxLength, true,
            async (s, v) => (s.Desk, new RecordConsentCommand(s.PatientId, ConsentKind.Treatment, Today, false, true, v)),
            async (db, v) => (await db.Consents.IgnoreQueryFilters().ToListAsync()).Any(c => c.Note == v)),
        new("OpenEpisode.ChiefComplaint", "ChiefComplaint", "chief complaint", EpisodeOfCare.ChiefComplaintMaxLength, true,
            async (s, v) => (s.Desk, new OpenEpisodeCommand(s.PatientId, v, BodyRegion.PosteriorThigh, BodySide.Left, null, null, TestClinic.IdOf(s.Therapist))),
            async (db, v) => (await db.Episodes.IgnoreQueryFilters().ToListAsync()).Any(e => e.ChiefComplaint == v)),
        new("OpenEpisode.ReferralSource", "ReferralSource", "referral source", EpisodeOfCare.ReferralSourceMaxLength, false,
            async (s, v) => (s.Desk, new OpenEpisodeCommand(s.PatientId, "Knot", BodyRegion.PosteriorThigh, BodySide.Left, null, v, TestClinic.IdOf(s.Therapist))),
            async (db, v) => (await db.Episodes.IgnoreQueryFilters().ToListAsync()).Any(e => e.ReferralSource == v)),
        new("DischargeEpisode.Note", "Note", "note", EpisodeOfCare.DischargeNoteMaxLength, true,
            async (s, v) => await s.EpisodeDtoAsync() is var e ? (s.Therapist, new DischargeEpisodeCommand(e.Id, e.Version, DischargeReason.GoalsMet, v)) : default,
            async (db, v) => (await db.Episodes.IgnoreQueryFilters().ToListAsync()).Any(e => e.DischargeNote == v)),
        new("CloseRedFlag.Note", "Note", "closing note", EpisodeRedFlag.NoteMaxLength, true,
            async (s, v) => await s.OpenRedFlagAsync() is var (episodeId, flagId) ? (s.Therapist, new CloseRedFlagCommand(episodeId, flagId, RedFlagClosing.Resolved, v)) : default,
            async (db, v) => (await db.EpisodeRedFlags.IgnoreQueryFilters().ToListAsync()).Any(f => f.ClosingNote == v)),
        new("CloseRedFlag.ReferredTo", "ReferredTo", "referred to", EpisodeRedFlag.ReferredToMaxLength, false,
            async (s, v) => await s.OpenRedFlagAsync() is var (episodeId, flagId)
                ? (s.Therapist, new CloseRedFlagCommand(episodeId, flagId, RedFlagClosing.Referred, null, v, Today))
                : default,
            async (db, v) => (await db.EpisodeRedFlags.IgnoreQueryFilters().ToListAsync()).Any(f => f.ReferredTo == v)),
        new("SaveNoteDraft.Subjective", "Subjective", "subjective", VisitNote.SectionMaxLength, true,
            async (s, v) => (s.Therapist, new SaveNoteDraftCommand(await s.CheckedInVisitAsync(), null, v, null, null, null)),
            async (db, v) => (await db.VisitNotes.IgnoreQueryFilters().ToListAsync()).Any(n => n.Subjective == v)),
        new("AddNoteAddendum.Text", "Text", "addendum", NoteAddendum.TextMaxLength, true,
            async (s, v) => (s.Therapist, new AddNoteAddendumCommand(await s.SignedVisitAsync(), v)),
            async (db, v) => (await db.NoteAddenda.IgnoreQueryFilters().ToListAsync()).Any(a => a.Text == v)),
        new("SaveFindings.Easing", "Findings.Easing", "easing", PainFindings.FactorsMaxLength, false,
            async (s, v) => (s.Therapist, new SaveFindingsCommand(await s.CheckedInVisitAsync(), null, FindingsInput.Empty with { Easing = v })),
            async (db, v) => (await db.VisitAssessments.IgnoreQueryFilters().ToListAsync()).Any(a => a.Findings.Pain?.Easing == v)),
        new("SaveFindings.MuscleGuardingNote", "Findings.MuscleGuardingNote", "muscle", MuscleGuardingFinding.NoteMaxLength, false,
            async (s, v) => (s.Therapist, new SaveFindingsCommand(await s.CheckedInVisitAsync(), null, FindingsInput.Empty with { MuscleGuardingObserved = true, MuscleGuardingNote = v })),
            async (db, v) => (await db.VisitAssessments.IgnoreQueryFilters().ToListAsync()).Any(a => a.Findings.MuscleGuarding?.Note == v)),
        new("RecordOutcome.ActivityNames", "ActivityNames[1]", "activity name", PsfsResponse.ActivityNameMaxLength, false,
            async (s, v) => (s.Therapist, new RecordOutcomeCommand(await s.CheckedInVisitAsync(), null, OutcomeMeasure.Psfs, [3, 5, 4], ["Run 5 km", v, "Climb stairs"])),
            async (db, v) => (await db.RecordedOutcomes.IgnoreQueryFilters().ToListAsync()).Any(o => o.ActivityNames.Contains(v))),
        new("CreateStaffMember.FullName", "FullName", "name", StaffMember.FullNameMaxLength, false,
            async (s, v) => (s.Admin, new CreateStaffMemberCommand(v, $"new.{Guid.NewGuid():N}@northside.example", StaffRoles.FrontDesk)),
            async (db, v) => (await db.StaffMembers.IgnoreQueryFilters().ToListAsync()).Any(m => m.FullName == v)),
        new("EditStaffMember.ProfessionalTitle", "ProfessionalTitle", "professional title", StaffMember.TitleMaxLength, false,
            async (s, v) => (s.Admin, new EditStaffMemberCommand(s.StaffMemberId, await s.StaffVersionAsync(), "Jonas Berg", StaffRoles.Therapist, v, null)),
            async (db, v) => (await db.StaffMembers.IgnoreQueryFilters().ToListAsync()).Any(m => m.ProfessionalTitle == v)),
        new("AddStaffCredential.Issuer", "Issuer", "issuer", StaffCredential.IssuerMaxLength, false,
            async (s, v) => (s.Admin, new AddStaffCredentialCommand(s.StaffMemberId, CredentialKind.Other, v, null, Today, null)),
            async (db, v) => (await db.StaffCredentials.IgnoreQueryFilters().ToListAsync()).Any(c => c.Issuer == v)),
        new("UpdateClinicSettings.Name", "Name", "name", Clinic.NameMaxLength, false,
            async (s, v) => (s.Admin, Settings(await s.SettingsAsync(), name: v)),
            async (db, v) => (await db.Clinics.IgnoreQueryFilters().ToListAsync()).Any(c => c.Name == v)),
        new("UpdateClinicSettings.Address", "Address", "address", Clinic.AddressMaxLength, true,
            async (s, v) => (s.Admin, Settings(await s.SettingsAsync(), address: v)),
            async (db, v) => (await db.Clinics.IgnoreQueryFilters().ToListAsync()).Any(c => c.Address == v)),
        new("CancelVisit.Reason", "Reason", "reason", Visit.CancellationReasonMaxLength, false,
            async (s, v) => (s.Desk, new CancelVisitCommand(await s.ScheduledVisitAsync(), v)),
            async (db, v) => (await db.Visits.IgnoreQueryFilters().ToListAsync()).Any(x => x.CancellationReason == v)),
        new("DecideRootCause.Reason", "Reason", "reason", HypothesisDecision.ReasonMaxLength, false,
            async (s, v) => (s.Therapist, new DecideRootCauseCommand((await s.FindingsAsync(DeskWorker)).VisitId, RootCause.SedentaryLifestyle, HypothesisVerdict.Confirmed, v)),
            async (db, v) => (await db.CauseDecisions.IgnoreQueryFilters().ToListAsync()).Any(d => d.Reason == v)),
        new("SavePlanDraft.Problem", "Plan.Problems[0]", "problem", PlanContent.ProblemMaxLength, false,
            async (s, v) => (s.Therapist, await PlanWith(s, ReadyPlan with { Problems = [v] })),
            async (db, v) => (await PlansAsync(db)).Any(p => p.Content.Problems.Contains(v))),
        new("SavePlanDraft.Goal", "Plan.Goals[0].Description", "goal", PlanGoal.DescriptionMaxLength, false,
            async (s, v) => (s.Therapist, await PlanWith(s, ReadyPlan with { Goals = [ReadyPlan.Goals[0] with { Description = v }] })),
            async (db, v) => (await PlansAsync(db)).Any(p => p.Content.Goals.Any(g => g.Description == v))),
        new("SavePlanDraft.Notes", "Plan.Items[0].Notes", "notes", PlanItem.NotesMaxLength, true,
            async (s, v) => (s.Therapist, await PlanWith(s, ReadyPlan with { Items = [ReadyPlan.Items[0] with { Notes = v }] })),
            async (db, v) => (await PlansAsync(db)).Any(p => p.Content.Items.Any(i => i.Notes == v))),
        new("SavePlanDraft.Justification", "Plan.Items[0].Justification", "justification", SafetyVerdict.JustificationMaxLength, true,
            async (s, v) =>
            {
                // Ball release is a relative contraindication with anticoagulants: the justification is kept.
                await s.TakesAnticoagulantsAsync();
                return (s.Therapist, await PlanWith(s, ReadyPlan with
                {
                    Items = [new PlanItemInput(PlanSetting.Home, InterventionCatalog.BallTriggerPointRelease, HoldSeconds: 30, Justification: v)],
                }));
            },
            async (db, v) => (await PlansAsync(db)).Any(p => p.Content.Items.Any(i => i.Justification == v))),
        new("RecordPerformedIntervention.Notes", "Notes", "notes", PerformedIntervention.NotesMaxLength, false,
            async (s, v) => (s.Therapist, new RecordPerformedInterventionCommand(await s.CheckedInVisitAsync(), InterventionCatalog.GluteBridge, 20, v, null)),
            async (db, v) => (await db.PerformedInterventions.IgnoreQueryFilters().ToListAsync()).Any(i => i.Notes == v)),
        new("RecordDryNeedling.LotNumber", "LotNumber", "lot number", DryNeedlingDetails.LotNumberMaxLength, false,
            async (s, v) => await s.EligibleForNeedlingAsync() is var (visit, knot) ? (s.Therapist, TreatmentClinic.Needling(visit, knot) with { LotNumber = v }) : default,
            async (db, v) => (await db.DryNeedlingProcedures.IgnoreQueryFilters().ToListAsync()).Any(p => p.LotNumber == v)),
        new("RecordDryNeedling.ImmediateResponse", "ImmediateResponse", "immediate response", DryNeedlingDetails.ImmediateResponseMaxLength, true,
            async (s, v) => await s.EligibleForNeedlingAsync() is var (visit, knot) ? (s.Therapist, TreatmentClinic.Needling(visit, knot) with { ImmediateResponse = v }) : default,
            async (db, v) => (await db.DryNeedlingProcedures.IgnoreQueryFilters().ToListAsync()).Any(p => p.ImmediateResponse == v)),
        new("RecordDryNeedling.AdverseEvents.Description", "AdverseEvents[0].Description", "description", AdverseEvent.DescriptionMaxLength, false,
            async (s, v) => await s.EligibleForNeedlingAsync() is var (visit, knot)
                ? (s.Therapist, TreatmentClinic.Needling(visit, knot) with { AdverseEvents = [new(AdverseEventKind.Other, AdverseEventSeverity.Minor, v, null)] }) : default,
            async (db, v) => (await db.DryNeedlingProcedures.IgnoreQueryFilters().ToListAsync()).Any(p => p.AdverseEvents.Any(e => e.Description == v))),
        new("RecordDryNeedling.AdverseEvents.ActionTaken", "AdverseEvents[0].ActionTaken", "action taken", AdverseEvent.ActionTakenMaxLength, false,
            async (s, v) => await s.EligibleForNeedlingAsync() is var (visit, knot)
                ? (s.Therapist, TreatmentClinic.Needling(visit, knot) with { AdverseEvents = [new(AdverseEventKind.Bruising, AdverseEventSeverity.Minor, null, v)] }) : default,
            async (db, v) => (await db.DryNeedlingProcedures.IgnoreQueryFilters().ToListAsync()).Any(p => p.AdverseEvents.Any(e => e.ActionTaken == v))),
        new("AddIntervention.Name", "Intervention.Name", "name", InterventionDefinition.NameMaxLength, false,
            async (s, v) => (s.Admin, new AddInterventionCommand(Exercise(v))),
            async (db, v) => (await db.ClinicInterventions.IgnoreQueryFilters().ToListAsync()).Any(i => i.Name == v)),
        new("AddIntervention.PatientWording", "Intervention.PatientWording", "patient's instructions", InterventionDefinition.PatientWordingMaxLength, true,
            async (s, v) => (s.Admin, new AddInterventionCommand(Exercise("Wall sit") with { PatientWording = v })),
            async (db, v) => (await db.ClinicInterventions.IgnoreQueryFilters().ToListAsync()).Any(i => i.PatientWording == v)),
        new("EditIntervention.Precautions", "Intervention.Precautions", "precautions", InterventionDefinition.PrecautionsMaxLength, true,
            async (s, v) => (s.Admin, new EditInterventionCommand(InterventionCatalog.GluteBridge, Exercise("Glute bridge") with { Precautions = v })),
            async (db, v) => (await db.ClinicInterventions.IgnoreQueryFilters().ToListAsync()).Any(i => i.Precautions == v)),
    ];

    private static async Task<IMessage> PlanWith(ScenarioClinic s, PlanInput plan)
    {
        var (episode, planId, version) = await s.PlanDraftAsync();
        return new SavePlanDraftCommand(episode, planId, version, plan);
    }

    private static async Task<List<PlanOfCare>> PlansAsync(AppDbContext db) => await db.PlansOfCare.IgnoreQueryFilters().ToListAsync();

    private enum Expect
    {
        Stored,
        Refused,
        StoredOnlyInMultiLine,
    }

    /// <summary>Each value, by name, and what a field must do with it. The character sits inside the text, where trimming cannot hide it.</summary>
    private static readonly (string Name, Func<TextField, string> Value, Expect Expect)[] Values =
    [
        ("at the limit", f => new string('a', f.MaxLength), Expect.Stored),
        ("one over the limit", f => new string('a', f.MaxLength + 1), Expect.Refused),
        ("script tag", _ => "<script>alert('x')</script>", Expect.Stored),
        ("img onerror", _ => "<img src=x onerror=alert(1)>", Expect.Stored),
        ("SQL drop", _ => "'); DROP TABLE patients;--", Expect.Stored),
        ("SQL or", _ => "x' OR '1'='1", Expect.Stored),
        ("letters of many scripts", _ => "Zoë Ørsted-Łukasz 李 Đặng", Expect.Stored),
        ("NUL", _ => "Ab\0cd", Expect.Refused),
        ("U+202E right-to-left override", _ => "Ab\u202Ecd", Expect.Refused),
        ("U+2066 left-to-right isolate", _ => "Ab\u2066cd", Expect.Refused),
        ("U+2067 right-to-left isolate", _ => "Ab\u2067cd", Expect.Refused),
        ("U+2069 pop directional isolate", _ => "Ab\u2069cd", Expect.Refused),
        ("U+0001", _ => "Ab\u0001cd", Expect.Refused),
        ("U+001B escape", _ => "Ab\u001Bcd", Expect.Refused),
        ("U+001F", _ => "Ab\u001Fcd", Expect.Refused),
        ("U+007F delete", _ => "Ab\u007Fcd", Expect.Refused),
        ("U+0085 next line", _ => "Ab\u0085cd", Expect.Refused),
        ("U+009F", _ => "Ab\u009Fcd", Expect.Refused),
        ("U+200E left-to-right mark", _ => "Ab\u200Ecd", Expect.StoredOnlyInMultiLine),
        ("U+200F right-to-left mark", _ => "Ab\u200Fcd", Expect.StoredOnlyInMultiLine),
        ("tab", _ => "Ab\tcd", Expect.StoredOnlyInMultiLine),
        ("line feed", _ => "Ab\ncd", Expect.StoredOnlyInMultiLine),
        ("CR LF", _ => "Ab\r\ncd", Expect.StoredOnlyInMultiLine),
    ];

    public static TheoryData<string, string> TextCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var field in Fields)
        {
            foreach (var value in Values)
            {
                cases.Add(field.Name, value.Name);
            }
        }

        return cases;
    }

    [Fact]
    public void The_suite_has_at_least_two_hundred_cases()
    {
        (TextCases().Count + NumberCases().Count).ShouldBeGreaterThanOrEqualTo(200);
    }

    [Theory]
    [MemberData(nameof(TextCases))]
    public async Task A_hostile_text_is_stored_exactly_or_refused_beside_its_field(string fieldName, string valueName)
    {
        var field = Fields.Single(f => f.Name == fieldName);
        var (_, valueOf, expect) = Values.Single(v => v.Name == valueName);
        var value = valueOf(field);
        var clinic = await ScenarioClinic.CreateAsync(App);
        var (actor, message) = await field.Send(clinic, value);
        var before = await DatabaseChecksum.OfAsync(App);

        var result = (IResult)await App.SendAsync(actor, (dynamic)message);

        if (expect == Expect.Stored || (expect == Expect.StoredOnlyInMultiLine && field.MultiLine))
        {
            result.IsSuccess.ShouldBeTrue($"{fieldName} refused {valueName}: {result.Error?.Message}");
            (await App.ReadAsync(db => field.IsStored(db, value))).ShouldBeTrue($"{fieldName} did not read back {valueName} exactly");
        }
        else
        {
            var error = result.Failed(ErrorKind.Validation).For(field.ErrorField).ShouldNotBeNull($"no error beside {field.ErrorField}");
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                error.ShouldBe(UnstorableText.MessageFor(field.ErrorField.Split('.')[^1].Split('[')[0]));
            }
            else
            {
                error.ShouldContain(field.Words, Case.Insensitive);
            }

            (await DatabaseChecksum.OfAsync(App)).ShouldBe(before, $"{fieldName} refused {valueName} but something changed");
        }
    }

    /// <summary>The intervention code of the illustration messages: it names a catalog item, so it is never stored as typed.</summary>
    private static readonly TextField IllustrationCode = new("UploadIllustration.InterventionCode", "InterventionCode", "code",
        InterventionDefinition.CodeMaxLength, false, (_, _) => throw new NotSupportedException(), (_, _) => throw new NotSupportedException());

    public static TheoryData<string> CodeCases() => new(Values.Select(v => v.Name));

    /// <summary>
    /// Any text that is not a home-program item's code, hostile or merely unknown, is refused beside
    /// the field (or, for a removal or a read within the bounds, not found) and changes nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(CodeCases))]
    public async Task A_hostile_intervention_code_for_an_illustration_is_refused_and_nothing_changes(string valueName)
    {
        var value = Values.Single(v => v.Name == valueName).Value(IllustrationCode);
        var clinic = await ScenarioClinic.CreateAsync(App);
        await clinic.UploadIllustrationAsync();
        var before = await DatabaseChecksum.OfAsync(App);

        var upload = await App.SendAsync(clinic.Admin, new UploadIllustrationCommand(value, Png));
        var remove = await App.SendAsync(clinic.Admin, new RemoveIllustrationCommand(value));
        var read = await App.SendAsync(clinic.Therapist, new GetIllustrationQuery(value));

        upload.Failed(ErrorKind.Validation).For(IllustrationCode.ErrorField).ShouldNotBeNullOrWhiteSpace(valueName);
        foreach (var refused in new IResult[] { remove, read })
        {
            refused.IsSuccess.ShouldBeFalse(valueName);
            refused.Error!.Kind.ShouldBeOneOf(ErrorKind.Validation, ErrorKind.NotFound);
            if (refused.Error.Kind == ErrorKind.Validation)
            {
                refused.Error.For(IllustrationCode.ErrorField).ShouldNotBeNullOrWhiteSpace(valueName);
            }
        }

        (await DatabaseChecksum.OfAsync(App)).ShouldBe(before, $"{valueName} as an intervention code changed something");
    }

    /// <summary>A number or a date at and past its bounds, with whether it is stored and how to find it.</summary>
    private sealed record Bound(
        string Name,
        string ErrorField,
        bool Stored,
        Func<ScenarioClinic, Task<(System.Security.Claims.ClaimsPrincipal Actor, IMessage Message)>> Send,
        Func<AppDbContext, Task<bool>> IsStored);

    private static readonly DateOnly Tomorrow = Today.AddDays(1);

    private static Bound BirthDate(DateOnly date, bool stored) => new($"date of birth {date:yyyy-MM-dd}", "DateOfBirth", stored,
        async s => (s.Desk, new RegisterPatientCommand("Noor", "Haddad", date, Sex.Female)),
        async db => await db.Patients.IgnoreQueryFilters().AnyAsync(p => p.FamilyName == "Haddad" && p.DateOfBirth == date));

    private static Bound Duration(int minutes, bool stored) => new($"visit of {minutes} minutes", "DurationMinutes", stored,
        async s => (s.Desk, new ScheduleVisitCommand(await s.EpisodeAsync(), TestClinic.IdOf(s.Therapist), DateTimeOffset.UtcNow.AddDays(1), minutes, VisitType.FollowUp)),
        async db => await db.Visits.IgnoreQueryFilters().AnyAsync(v => v.DurationMinutes == minutes && v.StartsAt > DateTimeOffset.UtcNow));

    private static Bound Tenderness(int tenderness, bool stored) => new($"knot tenderness {tenderness}", "Knot.Tenderness", stored,
        async s => (s.Therapist, new AddKnotFindingCommand(await s.CheckedInVisitAsync(), null, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird, TenderKnot with { Tenderness = tenderness })),
        async db => await db.KnotFindings.IgnoreQueryFilters().AnyAsync(k => k.Tenderness == tenderness));

    private static Bound KnotSize(int size, bool stored) => new($"knot of {size} mm", "Knot.SizeMm", stored,
        async s =>
        {
            var (visit, knot, version) = await s.KnotAsync();
            return (s.Therapist, new UpdateKnotFindingCommand(visit, version, knot, TenderKnot with { SizeMm = size }));
        },
        async db => await db.KnotFindings.IgnoreQueryFilters().AnyAsync(k => k.SizeMm == size));

    private static Bound PainNow(int pain, bool stored) => new($"pain now {pain}", "Findings.PainNow", stored,
        async s => (s.Therapist, new SaveFindingsCommand(await s.CheckedInVisitAsync(), null, FindingsInput.Empty with { PainNow = pain })),
        async db => (await db.VisitAssessments.IgnoreQueryFilters().ToListAsync()).Any(a => a.Findings.Pain?.Now == pain));

    private static Bound PsfsRating(int rating, bool stored) => new($"PSFS rating {rating}", "Ratings[1]", stored,
        async s => (s.Therapist, new RecordOutcomeCommand(await s.CheckedInVisitAsync(), null, OutcomeMeasure.Psfs, [3, rating, 4], ["Run", "Sit", "Climb"])),
        async db => (await db.RecordedOutcomes.IgnoreQueryFilters().ToListAsync()).Any(o => o.Ratings.Count == 3 && o.Ratings[1] == rating));

    private static Bound PlanDose(string name, PlanItemInput item, bool stored) => new($"home exercise with {name}", $"Plan.Items[0].{name.Split(' ')[1]}", stored,
        async s => (s.Therapist, await PlanWith(s, ReadyPlan with { Items = [item] })),
        async db => (await PlansAsync(db)).Any(p => p.Content.Items.Any(i => PlanItemInput.From(i) == item)));

    private static Bound GoalDate(int daysFromStart, bool stored) => new($"goal {daysFromStart} days from the plan's start", "Plan.Goals[0].TargetDate", stored,
        async s => (s.Therapist, await PlanWith(s, ReadyPlan with { Goals = [ReadyPlan.Goals[0] with { TargetDate = Today.AddDays(daysFromStart) }] })),
        async db => (await PlansAsync(db)).Any(p => p.Content.Goals.Any(g => g.TargetDate == Today.AddDays(daysFromStart))));

    private static readonly PlanItemInput Bridge = ReadyPlan.Items[0];

    private static Bound Minutes(int minutes, bool stored) => new($"intervention of {minutes} minutes", "Minutes", stored,
        async s => (s.Therapist, new RecordPerformedInterventionCommand(await s.CheckedInVisitAsync(), InterventionCatalog.GluteBridge, minutes, null, null)),
        async db => await db.PerformedInterventions.IgnoreQueryFilters().AnyAsync(i => i.Minutes == minutes));

    private static Bound CatalogSets(int sets, bool stored) => new($"catalog dose of {sets} sets", "Intervention.Dose.Sets", stored,
        async s => (s.Admin, new AddInterventionCommand(Exercise($"Lunges {sets}") with { Dose = new DoseInput(sets, 10, null, null, null, null, null) })),
        async db => (await db.ClinicInterventions.IgnoreQueryFilters().ToListAsync()).Any(i => i.DefaultDose.Sets == sets));

    private static Bound CatalogHold(int seconds, bool stored) => new($"catalog hold of {seconds} s", "Intervention.Dose.HoldSeconds", stored,
        async s => (s.Admin, new AddInterventionCommand(Exercise($"Wall sit {seconds}") with { Dose = new DoseInput(null, null, seconds, null, null, null, null) })),
        async db => (await db.ClinicInterventions.IgnoreQueryFilters().ToListAsync()).Any(i => i.DefaultDose.HoldSeconds == seconds));

    private static Bound CatalogMinutesOff(int minutes, bool stored) => new($"catalog {minutes} minutes off", "Intervention.Dose.MinutesOff", stored,
        async s => (s.Admin, new AddInterventionCommand(Exercise($"Ice {minutes}") with { Dose = new DoseInput(null, null, null, 10, minutes, null, null) })),
        async db => (await db.ClinicInterventions.IgnoreQueryFilters().ToListAsync()).Any(i => i.DefaultDose.MinutesOff == minutes));

    private static Bound ReferralDate(int daysFromToday, bool stored) => new($"red flag referred {daysFromToday} days from today", "ReferredOn", stored,
        async s => await s.OpenRedFlagAsync() is var (episodeId, flagId)
            ? (s.Therapist, new CloseRedFlagCommand(episodeId, flagId, RedFlagClosing.Referred, null, "GP", Today.AddDays(daysFromToday)))
            : default,
        async db => await db.EpisodeRedFlags.IgnoreQueryFilters().AnyAsync(f => f.ReferredOn == Today.AddDays(daysFromToday)));

    private static readonly Bound[] Bounds =
    [
        ReferralDate(-2, false), ReferralDate(0, true), ReferralDate(1, false),
        PlanDose("0 Sets", Bridge with { Sets = 0 }, false), PlanDose("1 Sets", Bridge with { Sets = 1 }, true),
        PlanDose($"{Dose.MaxSets} Sets", Bridge with { Sets = Dose.MaxSets }, true), PlanDose("200 Sets", Bridge with { Sets = 200 }, false),
        PlanDose("10800 HoldSeconds", Bridge with { HoldSeconds = 10800 }, false), PlanDose($"{Dose.MaxHoldSeconds} HoldSeconds", Bridge with { HoldSeconds = Dose.MaxHoldSeconds }, true),
        PlanDose("-5 MinutesOn", Bridge with { MinutesOn = -5 }, false), PlanDose("8 DaysPerWeek", Bridge with { DaysPerWeek = 8 }, false),
        GoalDate(-1, false), GoalDate(0, true),
        Minutes(int.MinValue, false), Minutes(-1, false), Minutes(0, false), Minutes(PerformedIntervention.MinMinutes, true),
        Minutes(PerformedIntervention.MaxMinutes, true), Minutes(PerformedIntervention.MaxMinutes + 1, false),
        BirthDate(new DateOnly(1, 1, 1), false), BirthDate(new DateOnly(1800, 1, 1), false), BirthDate(new DateOnly(1899, 12, 31), false),
        BirthDate(new DateOnly(1900, 1, 1), true), BirthDate(Today.AddYears(-30), true), BirthDate(Tomorrow, false), BirthDate(DateOnly.MaxValue, false),
        Duration(int.MinValue, false), Duration(-1, false), Duration(0, false), Duration(Visit.MinDurationMinutes - 1, false), Duration(Visit.MinDurationMinutes, true),
        Duration(Visit.MaxDurationMinutes, true), Duration(Visit.MaxDurationMinutes + 1, false), Duration(int.MaxValue, false),
        Tenderness(int.MinValue, false), Tenderness(-1, false), Tenderness(0, true), Tenderness(KnotPresentation.MaxTenderness, true), Tenderness(KnotPresentation.MaxTenderness + 1, false),
        KnotSize(0, false), KnotSize(1, true), KnotSize(KnotPresentation.MaxSizeMm, true), KnotSize(KnotPresentation.MaxSizeMm + 1, false),
        PainNow(-1, false), PainNow(0, true), PainNow(PainFindings.MaxRating, true), PainNow(PainFindings.MaxRating + 1, false),
        PsfsRating(-1, false), PsfsRating(0, true), PsfsRating(10, true), PsfsRating(11, false),
        CatalogSets(0, false), CatalogSets(1, true), CatalogSets(Dose.MaxSets, true), CatalogSets(200, false),
        CatalogHold(Dose.MaxHoldSeconds, true), CatalogHold(3 * 60 * 60, false), CatalogMinutesOff(-5, false), CatalogMinutesOff(15, true),
    ];

    public static TheoryData<string> NumberCases() => new(Bounds.Select(b => b.Name));

    [Theory]
    [MemberData(nameof(NumberCases))]
    public async Task A_number_or_date_out_of_range_is_refused_beside_its_field_and_one_in_range_is_stored(string name)
    {
        var bound = Bounds.Single(b => b.Name == name);
        var clinic = await ScenarioClinic.CreateAsync(App);
        var (actor, message) = await bound.Send(clinic);
        var before = await DatabaseChecksum.OfAsync(App);

        var result = (IResult)await App.SendAsync(actor, (dynamic)message);

        if (bound.Stored)
        {
            result.IsSuccess.ShouldBeTrue($"{name}: {result.Error?.Message}");
            (await App.ReadAsync(bound.IsStored)).ShouldBeTrue(name);
        }
        else
        {
            result.Failed(ErrorKind.Validation).For(bound.ErrorField).ShouldNotBeNullOrWhiteSpace($"{name}: no error beside {bound.ErrorField}");
            (await DatabaseChecksum.OfAsync(App)).ShouldBe(before, name);
        }
    }
}
