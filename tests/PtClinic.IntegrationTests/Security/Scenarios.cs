using Mediator;
using PtClinic.Application.Features.Administration;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Audit;
using PtClinic.Application.Features.Compliance;
using PtClinic.Application.Features.Dashboard;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Handouts;
using PtClinic.Application.Features.Knots;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Plans;
using PtClinic.Application.Features.Staff;
using PtClinic.Application.Features.Treatment;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.Domain.Visits;
using PtClinic.IntegrationTests.Features.Episodes;
using PtClinic.IntegrationTests.Features.Treatment;
using static PtClinic.IntegrationTests.Security.ScenarioClinic;

namespace PtClinic.IntegrationTests.Security;

/// <summary>
/// One valid message per command and query, built against a seeded clinic: what the access matrix
/// sends as every role, and (for a message that carries an id) what the cross-clinic tests aim at
/// another clinic. A new message adds one line here; a test fails until it does.
/// </summary>
public static class Scenarios
{
    public static IReadOnlyDictionary<Type, Func<ScenarioClinic, Task<IMessage>>> All { get; } = new Dictionary<Type, Func<ScenarioClinic, Task<IMessage>>>
    {
        // Administration: the staff member acted on is the clinic's second therapist.
        [typeof(AddStaffCredentialCommand)] = s => Given(new AddStaffCredentialCommand(s.StaffMemberId, CredentialKind.Other, "Anyone", null, Today, null)),
        [typeof(CreateStaffMemberCommand)] = s => Given(new CreateStaffMemberCommand("Ines Carvalho", $"ines.{Guid.NewGuid():N}@northside.example", StaffRoles.FrontDesk)),
        [typeof(DeactivateStaffMemberCommand)] = s => Given(new DeactivateStaffMemberCommand(s.StaffMemberId)),
        [typeof(EditStaffMemberCommand)] = async s => new EditStaffMemberCommand(s.StaffMemberId, await s.StaffVersionAsync(), "Jonas Berg-Lund", StaffRoles.Therapist, null, null),
        [typeof(GetClinicLogoQuery)] = async s => { await s.UploadLogoAsync(); return new GetClinicLogoQuery(); },
        [typeof(GetClinicSettingsQuery)] = s => Given(new GetClinicSettingsQuery()),
        [typeof(GetStaffMemberQuery)] = s => Given(new GetStaffMemberQuery(s.StaffMemberId)),
        [typeof(ListStaffMembersQuery)] = s => Given(new ListStaffMembersQuery()),
        [typeof(ReactivateStaffMemberCommand)] = async s => { await s.DeactivateStaffMemberAsync(); return new ReactivateStaffMemberCommand(s.StaffMemberId); },
        [typeof(RemoveClinicLogoCommand)] = async s => { await s.UploadLogoAsync(); return new RemoveClinicLogoCommand(); },
        [typeof(RemoveStaffCredentialCommand)] = async s => new RemoveStaffCredentialCommand(s.StaffMemberId, await s.CredentialAsync()),
        [typeof(ResetStaffPasswordCommand)] = s => Given(new ResetStaffPasswordCommand(s.StaffMemberId)),
        [typeof(UnlockStaffAccountCommand)] = s => Given(new UnlockStaffAccountCommand(s.StaffMemberId)),
        [typeof(UpdateClinicSettingsCommand)] = async s => Settings(await s.SettingsAsync(), name: "Northside Physio & Rehab"),
        [typeof(UploadClinicLogoCommand)] = s => Given(new UploadClinicLogoCommand(Png)),

        // Treatment catalog: the clinic's own entry and its edits of seeded ones.
        [typeof(AddInterventionCommand)] = s => Given(new AddInterventionCommand(Exercise("Wall sit"))),
        [typeof(EditInterventionCommand)] = s => Given(new EditInterventionCommand(InterventionCatalog.GluteBridge, Exercise("Glute bridge, banded"))),
        [typeof(ListInterventionCatalogQuery)] = s => Given(new ListInterventionCatalogQuery(IncludeRetired: true)),
        [typeof(ReinstateInterventionCommand)] = async s => new ReinstateInterventionCommand(await s.RetiredInterventionAsync()),
        [typeof(RetireInterventionCommand)] = s => Given(new RetireInterventionCommand(InterventionCatalog.YogaFlexibility)),

        // Handout illustrations: the clinic's own picture of a seeded home-program item.
        [typeof(GetIllustrationQuery)] = async s => { await s.UploadIllustrationAsync(); return new GetIllustrationQuery(InterventionCatalog.GluteBridge); },
        [typeof(ListIllustrationsQuery)] = async s => { await s.UploadIllustrationAsync(); return new ListIllustrationsQuery(); },
        [typeof(RemoveIllustrationCommand)] = async s => { await s.UploadIllustrationAsync(); return new RemoveIllustrationCommand(InterventionCatalog.GluteBridge); },
        [typeof(UploadIllustrationCommand)] = s => Given(new UploadIllustrationCommand(InterventionCatalog.GluteBridge, Png)),

        // Audit: the scenario patient's history; the clinic's chain check.
        [typeof(GetPatientAuditHistoryQuery)] = s => Given(new GetPatientAuditHistoryQuery(s.PatientId)),
        [typeof(VerifyAuditTrailQuery)] = s => Given(new VerifyAuditTrailQuery()),

        // Assessment: on a visit checked in with the acting therapist.
        [typeof(AcknowledgeReferralCommand)] = async s => new AcknowledgeReferralCommand(
            (await s.FindingsAsync(FindingsInput.Empty with { RedFlags = [RedFlag.NightPain] })).VisitId, ReferralAction.Referred, "GP letter"),
        [typeof(AddKnotFindingCommand)] = async s => new AddKnotFindingCommand(
            await s.CheckedInVisitAsync(), null, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird, TenderKnot),
        [typeof(DecideRootCauseCommand)] = async s => new DecideRootCauseCommand(
            (await s.FindingsAsync(DeskWorker)).VisitId, RootCause.SedentaryLifestyle, HypothesisVerdict.Confirmed, "Desk job, nine hours a day"),
        [typeof(GetVisitAssessmentQuery)] = async s => new GetVisitAssessmentQuery((await s.KnotAsync()).VisitId),
        [typeof(ListMusclesQuery)] = s => Given(new ListMusclesQuery()),
        [typeof(RecordOutcomeCommand)] = async s => new RecordOutcomeCommand(await s.CheckedInVisitAsync(), null, OutcomeMeasure.Psfs, [3, 5, 4], ["Run 5 km", "Sit through a film", "Climb stairs"]),
        [typeof(RecordKnotSiteAbsentCommand)] = async s => new RecordKnotSiteAbsentCommand(
            await s.FollowUpOfKnotAsync(), null, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird),
        [typeof(ClearKnotSiteAbsentCommand)] = async s =>
        {
            var (visit, version) = await s.AbsentKnotAsync();
            return new ClearKnotSiteAbsentCommand(visit, version, "semitendinosus", BodySide.Left, MuscleZone.MiddleThird);
        },

        // Knots: the scenario patient's tracked sites.
        [typeof(GetKnotTimelineQuery)] = async s =>
        {
            await s.SignedKnotAsync();
            return new GetKnotTimelineQuery(s.PatientId);
        },
        [typeof(RebuildPatientKnotStatesCommand)] = async s =>
        {
            await s.SignedKnotAsync();
            return new RebuildPatientKnotStatesCommand(s.PatientId);
        },
        [typeof(RebuildClinicKnotStatesCommand)] = async s =>
        {
            await s.SignedKnotAsync();
            return new RebuildClinicKnotStatesCommand();
        },
        [typeof(PtClinic.Application.Features.OutcomeSnapshot.RebuildEpisodeOutcomesCommand)] = async s =>
        {
            await s.SignedKnotAsync();
            return new PtClinic.Application.Features.OutcomeSnapshot.RebuildEpisodeOutcomesCommand();
        },
        [typeof(RemoveKnotFindingCommand)] = async s =>
        {
            var (visit, knot, version) = await s.KnotAsync();
            return new RemoveKnotFindingCommand(visit, version, knot);
        },
        [typeof(RemoveOutcomeCommand)] = async s =>
        {
            var (visit, version) = await s.OutcomeAsync();
            return new RemoveOutcomeCommand(visit, version, OutcomeMeasure.Psfs);
        },
        [typeof(SaveFindingsCommand)] = async s => new SaveFindingsCommand(await s.CheckedInVisitAsync(), null, DeskWorker),
        [typeof(UpdateKnotFindingCommand)] = async s =>
        {
            var (visit, knot, version) = await s.KnotAsync();
            return new UpdateKnotFindingCommand(visit, version, knot, TenderKnot with { Tenderness = 4 });
        },

        [typeof(CountOverdueNotesQuery)] = s => Given(new CountOverdueNotesQuery()),

        // Dashboard: one therapist's caseload, which every role allowed may see (a therapist only their own).
        [typeof(GetOutcomeDashboardQuery)] = s => Given(new GetOutcomeDashboardQuery(new DashboardFilter(Today.AddMonths(-12), Today, TestClinicIdOf(s)))),
        [typeof(ListDashboardEpisodesQuery)] = s => Given(new ListDashboardEpisodesQuery(
            new DashboardFilter(Today.AddMonths(-12), Today, TestClinicIdOf(s)), DashboardFigure.Episodes)),

        // Episodes.
        [typeof(CloseRedFlagCommand)] = async s =>
        {
            var (episodeId, redFlagId) = await s.OpenRedFlagAsync();
            return new CloseRedFlagCommand(episodeId, redFlagId, RedFlagClosing.Referred, null, "GP, same-day letter", Today);
        },
        [typeof(DischargeEpisodeCommand)] = async s =>
        {
            var e = await s.EpisodeDtoAsync();
            return new DischargeEpisodeCommand(e.Id, e.Version, DischargeReason.GoalsMet, "Pain free on running");
        },
        [typeof(GetEpisodeProgressQuery)] = async s => new GetEpisodeProgressQuery(await s.EpisodeAsync()),
        [typeof(GetEpisodeQuery)] = async s => new GetEpisodeQuery(await s.EpisodeAsync()),
        [typeof(GetEpisodeRedFlagsQuery)] = async s => new GetEpisodeRedFlagsQuery((await s.OpenRedFlagAsync()).EpisodeId),
        [typeof(ListPatientEpisodesQuery)] = s => Given(new ListPatientEpisodesQuery(s.PatientId)),
        [typeof(OpenEpisodeCommand)] = s => Given(new OpenEpisodeCommand(
            s.PatientId, "Knot in the right calf", BodyRegion.PosteriorThigh, BodySide.Right, null, "Self", TestClinicIdOf(s))),
        [typeof(PutEpisodeOnHoldCommand)] = async s =>
        {
            var e = await s.EpisodeDtoAsync();
            return new PutEpisodeOnHoldCommand(e.Id, e.Version, "Away for two weeks");
        },
        [typeof(ResumeEpisodeCommand)] = async s =>
        {
            var e = await s.EpisodeDtoAsync();
            (await s.App.SendAsync(s.Therapist, new PutEpisodeOnHoldCommand(e.Id, e.Version, "Away"))).Ok();
            return new ResumeEpisodeCommand(e.Id, (await s.EpisodeDtoAsync(e.Id)).Version);
        },

        // Patients.
        [typeof(EditPatientCommand)] = async s => Edit(await s.ChartAsync(), "Eleanor"),
        [typeof(GetPatientChartQuery)] = s => Given(new GetPatientChartQuery(s.PatientId)),
        [typeof(GetPatientQuery)] = s => Given(new GetPatientQuery(s.PatientId)),
        [typeof(ListPatientsQuery)] = s => Given(new ListPatientsQuery()),
        [typeof(RecordConsentCommand)] = s => Given(new RecordConsentCommand(s.PatientId, ConsentKind.Treatment, Today, false, true)),
        [typeof(RegisterPatientCommand)] = s => Given(new RegisterPatientCommand("Noor", "Haddad", new DateOnly(1975, 6, 1), Sex.Female)),
        [typeof(SearchPatientsQuery)] = s => Given(new SearchPatientsQuery("Marsh")),
        [typeof(WithdrawConsentCommand)] = async s => new WithdrawConsentCommand(s.PatientId, await s.ConsentAsync()),

        // Plans of care: on an episode of the scenario patient.
        [typeof(GetPlanOfCareQuery)] = async s => new GetPlanOfCareQuery((await s.PlanDraftAsync()).EpisodeId),
        [typeof(ReviseSignedPlanCommand)] = async s =>
        {
            var (episode, plan) = await s.SignedPlanAsync();
            return new ReviseSignedPlanCommand(episode, plan);
        },
        [typeof(SavePlanDraftCommand)] = async s =>
        {
            var (episode, plan, version) = await s.PlanDraftAsync();
            return new SavePlanDraftCommand(episode, plan, version, ReadyPlan with { Problems = ["Pain on sitting", "Weak glutes"] });
        },
        [typeof(SignPlanOfCareCommand)] = async s =>
        {
            var (episode, plan, version) = await s.PlanDraftAsync();
            return new SignPlanOfCareCommand(episode, plan, version, Today, null);
        },
        [typeof(StartPlanOfCareCommand)] = async s => new StartPlanOfCareCommand(await s.EpisodeAsync(), Today),

        // Handouts: of the signed plan's home program.
        [typeof(IssueHandoutCommand)] = async s => new IssueHandoutCommand((await s.SignedPlanAsync()).EpisodeId, LargePrint: false),
        [typeof(ListHandoutVersionsQuery)] = async s => new ListHandoutVersionsQuery((await s.IssuedHandoutAsync()).EpisodeId),
        [typeof(GetHandoutPdfQuery)] = async s =>
        {
            var (episode, version) = await s.IssuedHandoutAsync();
            return new GetHandoutPdfQuery(episode, version);
        },
        [typeof(PreviewHandoutQuery)] = async s =>
        {
            var (episode, plan) = await s.SignedPlanAsync();
            return new PreviewHandoutQuery(episode, plan, LargePrint: true);
        },
        [typeof(StartHandoutPrintRunCommand)] = async s =>
        {
            var (episode, _) = await s.SignedPlanAsync();
            await s.Clinic.ScheduleVisitAsync(episode, DateTimeOffset.UtcNow);
            return new StartHandoutPrintRunCommand(LargePrint: true);
        },
        [typeof(PrintRunStepCommand)] = async s => new PrintRunStepCommand(await s.StartedPrintRunAsync()),
        [typeof(FailHandoutPrintRunCommand)] = async s => new FailHandoutPrintRunCommand(await s.StartedPrintRunAsync()),
        [typeof(GetHandoutPrintRunQuery)] = async s => new GetHandoutPrintRunQuery(await s.StartedPrintRunAsync()),
        [typeof(GetHandoutPrintRunPdfQuery)] = async s => new GetHandoutPrintRunPdfQuery(await s.PrintedRunAsync()),

        [typeof(ListStaffQuery)] = s => Given(new ListStaffQuery(StaffRoles.Therapist)),

        // Treatment: on a visit checked in with the acting therapist; dry needling with consent and credential on file.
        [typeof(GetDryNeedlingSafetyQuery)] = async s => new GetDryNeedlingSafetyQuery((await s.KnotAsync()).VisitId),
        [typeof(GetVisitTreatmentQuery)] = async s => new GetVisitTreatmentQuery((await s.PerformedAsync()).VisitId),
        [typeof(RecordDryNeedlingCommand)] = async s =>
        {
            var (visit, knot) = await s.EligibleForNeedlingAsync();
            return TreatmentClinic.Needling(visit, knot);
        },
        [typeof(RecordPerformedInterventionCommand)] = async s => new RecordPerformedInterventionCommand(
            await s.CheckedInVisitAsync(), InterventionCatalog.GluteBridge, 20, "3 × 12", null),
        [typeof(RemoveDryNeedlingCommand)] = async s => new RemoveDryNeedlingCommand(await s.NeedledAsync()),
        [typeof(RemovePerformedInterventionCommand)] = async s =>
        {
            var (visit, performed) = await s.PerformedAsync();
            return new RemovePerformedInterventionCommand(visit, performed);
        },

        // Visits.
        [typeof(AddNoteAddendumCommand)] = async s => new AddNoteAddendumCommand(await s.SignedVisitAsync(), "Forgot: pain 6/10 after running"),
        [typeof(AssignVisitCoverCommand)] = async s => new AssignVisitCoverCommand(await s.ScheduledVisitAsync(), s.StaffMemberId),
        [typeof(CancelVisitCommand)] = async s => new CancelVisitCommand(await s.ScheduledVisitAsync(), "Patient unwell"),
        [typeof(CheckInVisitCommand)] = async s => new CheckInVisitCommand(await s.ScheduledVisitAsync()),
        [typeof(GetTodayQuery)] = async s => { await s.CheckedInVisitAsync(); return new GetTodayQuery(); },
        [typeof(GetVisitNoteQuery)] = async s => new GetVisitNoteQuery((await s.DraftAsync()).VisitId),
        [typeof(MarkVisitNoShowCommand)] = async s => new MarkVisitNoShowCommand(await s.ScheduledVisitAsync()),
        [typeof(SaveNoteDraftCommand)] = async s => new SaveNoteDraftCommand(await s.CheckedInVisitAsync(), null, "Tight behind the left knee", null, null, null),
        [typeof(ScheduleVisitCommand)] = async s => new ScheduleVisitCommand(
            await s.EpisodeAsync(), TestClinicIdOf(s), DateTimeOffset.UtcNow.AddDays(1), 45, VisitType.FollowUp),
        [typeof(SignVisitNoteCommand)] = async s =>
        {
            var (visit, version) = await s.DraftAsync();
            return new SignVisitNoteCommand(visit, version);
        },
    };

    private static Task<IMessage> Given(IMessage message) => Task.FromResult(message);

    private static Guid TestClinicIdOf(ScenarioClinic s) => PtClinic.IntegrationTests.Features.Episodes.TestClinic.IdOf(s.Therapist);
}
