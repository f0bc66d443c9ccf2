using PtClinic.Application.Features.Audit;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Treatment;
using PtClinic.Application.Features.Visits;
using PtClinic.Application.Features.Assessment;

namespace PtClinic.Application.Common.Audit;

/// <summary>
/// Which reads the audit trail records. Every command that changes something is recorded by its
/// save; a query is recorded when it opens one patient's record (chart, episode, note, handout).
/// Every query must be in one of the two lists (an architecture test fails otherwise), so a new
/// query is a decision, not an omission.
/// </summary>
public static class AuditPolicy
{
    /// <summary>Each successful read leaves a row naming the record and its patient.</summary>
    public static IReadOnlySet<Type> RecordReads { get; } = new HashSet<Type>
    {
        typeof(GetPatientQuery),
        typeof(GetPatientChartQuery),
        typeof(ListPatientEpisodesQuery),
        typeof(GetEpisodeQuery),
        typeof(GetEpisodeProgressQuery),
        typeof(GetEpisodeRedFlagsQuery),
        typeof(GetVisitNoteQuery),
        typeof(GetVisitAssessmentQuery),
        typeof(Features.Knots.GetKnotTimelineQuery),
        typeof(Features.Treatment.GetVisitTreatmentQuery),
        typeof(Features.Treatment.GetDryNeedlingSafetyQuery),
        typeof(GetPatientAuditHistoryQuery),
        typeof(Features.Plans.GetPlanOfCareQuery),
        typeof(Features.Handouts.ListHandoutVersionsQuery),
        typeof(Features.Handouts.GetHandoutPdfQuery),
        typeof(Features.Handouts.PreviewHandoutQuery),
        // The day's handouts, each patient's in full: recorded as the run read (each handout's issue is recorded by its step).
        typeof(Features.Handouts.GetHandoutPrintRunPdfQuery),
    };

    /// <summary>Reads that open no single patient's record, and why they are not recorded one by one.</summary>
    public static IReadOnlyDictionary<Type, string> UnrecordedReads { get; } = new Dictionary<Type, string>
    {
        [typeof(GetTodayQuery)] = "the day's schedule: names and times, no chart content",
        [typeof(ListPatientsQuery)] = "a page of names to pick from; opening one is recorded",
        [typeof(SearchPatientsQuery)] = "search results to pick from; opening one is recorded",
        [typeof(Features.Compliance.CountOverdueNotesQuery)] = "a count, no patient",
        [typeof(Features.Dashboard.GetOutcomeDashboardQuery)] = "counts and rates over episodes, no patient named",
        [typeof(Features.Dashboard.ListDashboardEpisodesQuery)] = "the names behind a figure, to pick from; opening an episode is recorded",
        [typeof(Features.Staff.ListStaffQuery)] = "staff, not patients",
        [typeof(Features.Administration.ListStaffMembersQuery)] = "staff, not patients",
        [typeof(Features.Administration.GetStaffMemberQuery)] = "staff, not patients",
        [typeof(Features.Administration.GetClinicSettingsQuery)] = "the clinic's settings",
        [typeof(Features.Administration.GetClinicLogoQuery)] = "the clinic's logo",
        [typeof(Features.Handouts.GetIllustrationQuery)] = "a picture of a catalog item for handouts; no patient",
        [typeof(Features.Handouts.ListIllustrationsQuery)] = "the catalog's home-program items and their pictures; no patient",
        [typeof(ListMusclesQuery)] = "reference data",
        [typeof(ListInterventionCatalogQuery)] = "reference data and the clinic's own exercises; no patient",
        [typeof(VerifyAuditTrailQuery)] = "checks the trail itself; no patient",
        [typeof(Features.Handouts.GetHandoutPrintRunQuery)] = "the progress of the user's own print run: counts and the names done, no chart content",
    };
}
