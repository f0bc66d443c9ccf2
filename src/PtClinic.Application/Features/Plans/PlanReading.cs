using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Treatment;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Reasoning;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Plans;

/// <summary>What the plan commands and the plan page read about the episode, the patient and the catalog.</summary>
internal static class PlanReading
{
    public const string ConflictMessage =
        "This plan was changed elsewhere (another tab or user). Reload the plan to see the changes, then make yours again.";

    private static readonly Dictionary<string, string> MuscleNames = MuscleCatalog.All.ToDictionary(m => m.Code, m => m.Name);

    /// <summary>The clinic's catalog by code, retired entries too (a plan that prescribed one still names it).</summary>
    public static async Task<IReadOnlyDictionary<string, CatalogEntry>> CatalogByCodeAsync(this IAppDbContext db, CancellationToken cancellationToken) =>
        (await db.CatalogAsync(includeRetired: true, cancellationToken)).ToDictionary(e => e.Definition.Code, StringComparer.Ordinal);

    /// <summary>
    /// What a prescription of this code may be given as: the clinic's entry, except a retired one
    /// for a prescription that is new (<paramref name="prescribedBefore"/> are the codes the plan
    /// already had, which stay as they were prescribed).
    /// </summary>
    public static Func<string, InterventionDefinition?> Prescribable(IReadOnlyDictionary<string, CatalogEntry> catalog, IReadOnlySet<string> prescribedBefore) =>
        code => catalog.TryGetValue(code, out var entry) && (!entry.IsRetired || prescribedBefore.Contains(code)) ? entry.Definition : null;

    /// <summary>The episode, tracked; NotFound for another clinic's (the tenant filter hides it).</summary>
    public static async Task<Result<EpisodeOfCare>> EpisodeAsync(this IAppDbContext db, Guid episodeId, CancellationToken cancellationToken) =>
        await db.Episodes.FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken) is { } episode
            ? episode
            : Error.NotFound("Episode");

    /// <summary>The latest visit of the episode that has an assessment: its findings and knots are the plan's picture of now.</summary>
    /// <summary>
    /// The plan a command changes, as the page holds it: of this episode, the episode not discharged,
    /// and the version on screen (another tab's save in between is a Conflict).
    /// </summary>
    public static async Task<Result<PlanOfCare>> PlanToChangeAsync(
        this IAppDbContext db, Guid episodeId, Guid planId, uint version, CancellationToken cancellationToken)
    {
        var plan = await db.PlansOfCare.FirstOrDefaultAsync(p => p.Id == planId && p.EpisodeId == episodeId, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound("Plan of care");
        }

        var episode = await db.EpisodeAsync(plan.EpisodeId, cancellationToken);
        if (!episode.IsSuccess)
        {
            return episode.Error;
        }

        episode.Value.EnsureNotDischarged();
        return plan.Version == version ? plan : Error.Conflict(ConflictMessage);
    }

    public static async Task<VisitAssessment?> LatestAssessmentAsync(this IAppDbContext db, Guid episodeId, CancellationToken cancellationToken) =>
        await (
                from a in db.VisitAssessments.AsNoTracking().Include(a => a.Knots)
                join v in db.Visits on a.VisitId equals v.Id
                where a.EpisodeId == episodeId
                orderby v.StartsAt descending, v.Id descending
                select a)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The safety rules' picture of a patient away from any one visit (the knot pages): the medical
    /// history now, an active dry-needling consent and the red flags open on any of their episodes,
    /// in one statement. Null when the clinic has no such patient.
    /// </summary>
    public static async Task<SafetyContext?> PatientSafetyContextAsync(this IAppDbContext db, Guid patientId, CancellationToken cancellationToken)
    {
        var patient = await db.Patients
            .Where(p => p.Id == patientId)
            .Select(p => new
            {
                p.MedicalHistory,
                Consented = db.Consents.Any(c => c.PatientId == patientId && c.Kind == ConsentKind.DryNeedling && c.WithdrawnAt == null),
                Open = db.EpisodeRedFlags.Where(f => f.PatientId == patientId && f.ClosedAt == null).Select(f => f.Flag).Distinct().ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return patient is null
            ? null
            : new SafetyContext(
                patient.MedicalHistory ?? MedicalHistory.None, new HashSet<RedFlag>(patient.Open), Findings.None.TreatmentArea, patient.Consented, PerformerHoldsDryNeedlingCredential: null);
    }

    /// <summary>
    /// The safety rules' picture at planning: the patient's medical history now, the red flags
    /// ticked at the episode's latest visit and those open on the episode, the treatment-area
    /// findings of that visit, an active dry-needling consent. Nobody performs anything yet, so no
    /// credential is asked for.
    /// </summary>
    public static async Task<SafetyContext> SafetyContextAsync(
        this IAppDbContext db, Guid patientId, Guid episodeId, VisitAssessment? latest, CancellationToken cancellationToken)
    {
        var history = await db.Patients.Where(p => p.Id == patientId).Select(p => p.MedicalHistory).FirstOrDefaultAsync(cancellationToken)
            ?? MedicalHistory.None;
        var consented = await db.Consents.AnyAsync(
            c => c.PatientId == patientId && c.Kind == ConsentKind.DryNeedling && c.WithdrawnAt == null, cancellationToken);
        var findings = latest?.Findings ?? Findings.None;
        var open = await db.OpenRedFlagsAsync(episodeId, cancellationToken);
        return new SafetyContext(
            history, new HashSet<RedFlag>(findings.RedFlags.Union(open)), findings.TreatmentArea, consented, PerformerHoldsDryNeedlingCredential: null);
    }

    /// <summary>The root causes confirmed on the episode as the decisions stand now, and the active knots of its latest visit.</summary>
    public static async Task<(IReadOnlyList<ConfirmedCause> Causes, IReadOnlyList<ChartedKnot> Knots)> SuggestionInputsAsync(
        this IAppDbContext db, Guid episodeId, VisitAssessment? latest, CancellationToken cancellationToken)
    {
        var decisions = await db.CauseDecisions.AsNoTracking().Where(d => d.EpisodeId == episodeId).ToListAsync(cancellationToken);
        var causes = CauseDecision.Standing(decisions)
            .Where(d => d.Verdict == HypothesisVerdict.Confirmed)
            .Select(d => new ConfirmedCause(d.Cause, d.Evidence))
            .ToList();
        var knots = (latest?.Knots ?? [])
            .Where(k => k.IsActive)
            .OrderBy(k => k.MuscleCode).ThenBy(k => k.Side).ThenBy(k => k.Zone)
            .Select(k => new ChartedKnot(k.MuscleCode, MuscleNames.GetValueOrDefault(k.MuscleCode, k.MuscleCode), k.Side, k.Zone))
            .ToList();
        return (causes, knots);
    }

    /// <summary>
    /// The prescriptions the safety rules refuse now, as field errors on the prescription they
    /// concern: a blocked one on its intervention, a relative contraindication without a written
    /// justification on the justification. Nothing is saved when there is any.
    /// </summary>
    public static IReadOnlyList<FieldError> SafetyRefusals(
        IReadOnlyList<PlanItemInput> items, Func<string, InterventionDefinition?> prescribable, SafetyContext safety, string prefix)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < items.Count; i++)
        {
            if (prescribable(items[i].InterventionCode) is not { } intervention)
            {
                errors.Add(new FieldError($"{prefix}Items[{i}].InterventionCode", "Choose the intervention from the clinic's catalog (a retired entry is not prescribed again)."));
                continue;
            }

            var verdict = SafetyRules.Check(intervention, safety);
            if (verdict.Blocking.FirstOrDefault() is { } block)
            {
                errors.Add(new FieldError($"{prefix}Items[{i}].InterventionCode", block.Message));
            }
            else if (verdict.NeedsJustification && string.IsNullOrWhiteSpace(items[i].Justification))
            {
                errors.Add(new FieldError($"{prefix}Items[{i}].Justification", verdict.Concerns[0].Message));
            }
        }

        return errors;
    }
}
