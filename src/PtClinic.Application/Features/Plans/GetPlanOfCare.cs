using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Knots;
using PtClinic.Application.Features.Treatment;
using PtClinic.Domain.Plans;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Plans;

/// <summary>The episode's plan of care: every version, the draft being written, and what the rules suggest for it.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record GetPlanOfCareQuery(Guid EpisodeId) : IQuery<Result<PlanOfCareDto>>;

/// <param name="Versions">Newest first; the draft, if any, is the first.</param>
/// <param name="InForceId">The latest signed version, null until one is signed.</param>
/// <param name="Catalog">What may be prescribed, with what the safety rules say about this patient now.</param>
public sealed record PlanOfCareDto(
    Guid EpisodeId,
    Guid PatientId,
    string PatientName,
    string ChiefComplaint,
    bool CanEdit,
    bool EpisodeDischarged,
    DateOnly ClinicToday,
    Guid? InForceId,
    IReadOnlyList<PlanVersionDto> Versions,
    IReadOnlyList<PlanSuggestionDto> Suggestions,
    IReadOnlyList<CatalogOptionDto> Catalog)
{
    public PlanVersionDto? Draft => Versions.FirstOrDefault(v => v.Status == PlanStatus.Draft);

    public PlanVersionDto? InForce => Versions.FirstOrDefault(v => v.Id == InForceId);
}

/// <param name="Warnings">Per prescription (same order as the plan's items): what the safety rules say now that was not answered when it was written.</param>
public sealed record PlanVersionDto(
    Guid Id,
    int Number,
    PlanStatus Status,
    uint Version,
    PlanInput Plan,
    IReadOnlyList<string> GoalsDescribed,
    string? Frequency,
    IReadOnlyList<IReadOnlyList<string>> Warnings,
    string LastEditedBy,
    DateTimeOffset LastEditedAt,
    string? SignedBy,
    DateTimeOffset? SignedAt,
    DateOnly? CertifiedOn,
    DateOnly? RecertificationDueOn,
    bool RecertificationOverdue);

/// <param name="Blocked">The safety rule's message when it may not be prescribed; the suggestion cannot be accepted.</param>
/// <param name="NeedsJustification">The message when a relative contraindication asks for a written justification.</param>
public sealed record PlanSuggestionDto(string Key, string InterventionCode, string Name, PlanSetting Setting, string Answers, PlanItemInput Item, string? Blocked, string? NeedsJustification);

/// <param name="IsRetired">Retired from the clinic's catalog: still named where prescribed, never prescribed again.</param>
public sealed record CatalogOptionDto(string Code, string Name, InterventionCategory Category, bool AtHome, bool InClinic, Dose DefaultDose, bool IsRetired, string? Blocked, string? NeedsJustification);

public sealed class GetPlanOfCareValidator : AbstractValidator<GetPlanOfCareQuery>
{
    public GetPlanOfCareValidator()
    {
        RuleFor(q => q.EpisodeId).Identifies("episode");
    }
}

public sealed class GetPlanOfCareHandler(IAppDbContext db, ICurrentUser currentUser, ClinicClock clinicClock)
    : IQueryHandler<GetPlanOfCareQuery, Result<PlanOfCareDto>>
{
    public async ValueTask<Result<PlanOfCareDto>> Handle(GetPlanOfCareQuery query, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking()
            .Where(e => e.Id == query.EpisodeId)
            .Join(db.Patients, e => e.PatientId, p => p.Id, (e, p) => new
            {
                e.Id, e.PatientId, PatientName = p.GivenName + " " + p.FamilyName, e.ChiefComplaint, e.Status,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (episode is null)
        {
            return Error.NotFound("Episode");
        }

        var versions = await db.PlansOfCare.AsNoTracking()
            .Where(p => p.EpisodeId == episode.Id)
            .OrderByDescending(p => p.Number)
            .ToListAsync(cancellationToken);
        var latest = await db.LatestAssessmentAsync(episode.Id, cancellationToken);
        var safety = await db.SafetyContextAsync(episode.PatientId, episode.Id, latest, cancellationToken);
        var today = await clinicClock.TodayAsync(cancellationToken);
        var discharged = episode.Status == Domain.Episodes.EpisodeStatus.Discharged;

        var catalog = await db.CatalogByCodeAsync(cancellationToken);
        var draft = versions.FirstOrDefault(v => !v.IsSigned);
        IReadOnlyList<PlanSuggestionDto> suggestions = [];
        if (draft is not null)
        {
            var (causes, knots) = await db.SuggestionInputsAsync(episode.Id, latest, cancellationToken);
            var prescribed = draft.Content.Items.Select(i => (i.Setting, i.InterventionCode)).ToHashSet();
            var flagged = await db.FlaggedKnotsForPlanAsync(episode.PatientId, cancellationToken);
            suggestions = [.. PlanSuggestionRules.Suggest(causes, knots, draft.Content.SettledSuggestions, flagged)
                .Where(s => !prescribed.Contains((s.Setting, s.InterventionCode)))
                .Select(s => (Suggestion: s, Entry: catalog.GetValueOrDefault(s.InterventionCode)))
                .Where(s => s.Entry is { IsRetired: false })
                .Select(s => ToDto(s.Suggestion, s.Entry!.Definition, SafetyRules.Check(s.Entry.Definition, safety)))];
        }

        return new PlanOfCareDto(
            episode.Id,
            episode.PatientId,
            episode.PatientName,
            episode.ChiefComplaint,
            CanEdit: !discharged && currentUser.MaySend<SavePlanDraftCommand>(),
            discharged,
            today,
            versions.FirstOrDefault(v => v.IsSigned)?.Id,
            [.. versions.Select(v => ToDto(v, catalog, safety, today))],
            suggestions,
            [.. catalog.Values
                .OrderBy(e => e.IsRetired).ThenBy(e => e.Definition.Category).ThenBy(e => e.Definition.Name)
                .Select(e => ToOption(e, SafetyRules.Check(e.Definition, safety)))]);
    }

    private static PlanSuggestionDto ToDto(PlanSuggestion s, InterventionDefinition intervention, SafetyVerdict verdict) => new(
        s.Key, s.InterventionCode, intervention.Name, s.Setting, s.Answers, PlanItemInput.WithDefaultDose(intervention, s.Setting),
        verdict.Blocking.FirstOrDefault()?.Message,
        verdict.NeedsJustification ? verdict.Concerns[0].Message : null);

    private static CatalogOptionDto ToOption(CatalogEntry e, SafetyVerdict verdict) => new(
        e.Definition.Code, e.Definition.Name, e.Definition.Category, e.Definition.IsHomeItem, e.Definition.IsClinicItem, e.Definition.DefaultDose, e.IsRetired,
        verdict.Blocking.FirstOrDefault()?.Message,
        verdict.NeedsJustification ? verdict.Concerns[0].Message : null);

    /// <summary>
    /// A version with, for each prescription, the concerns the rules raise now that it does not
    /// answer: any block (a flag added after it was prescribed), and a relative contraindication
    /// it carries no justification for.
    /// </summary>
    private static PlanVersionDto ToDto(PlanOfCare plan, IReadOnlyDictionary<string, CatalogEntry> catalog, SafetyContext safety, DateOnly today)
    {
        var warnings = plan.Content.Items.Select(item =>
        {
            if (catalog.GetValueOrDefault(item.InterventionCode)?.Definition is not { } intervention)
            {
                return (IReadOnlyList<string>)[];
            }

            var verdict = SafetyRules.Check(intervention, safety);
            return [.. verdict.Blocking.Select(c => c.Message)
                .Concat(item.Justification is null ? verdict.Cautions.Select(c => c.Message) : [])];
        }).ToList();
        return new PlanVersionDto(
            plan.Id, plan.Number, plan.Status, plan.Version, PlanInput.From(plan.Content),
            [.. plan.Content.Goals.Select(g => g.Describe())], plan.Content.DescribeFrequency(), warnings,
            plan.LastEditedBy.Name, plan.LastEditedAt, plan.SignedBy?.Name, plan.SignedAt, plan.CertifiedOn,
            plan.RecertificationDueOn, plan.IsRecertificationOverdue(today));
    }
}
