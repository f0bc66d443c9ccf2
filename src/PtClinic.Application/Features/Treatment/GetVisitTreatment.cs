using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Treatment;

/// <summary>
/// What a visit performed, for the note page: the interventions with their minutes, the dry-needling
/// record, the units billed per CPT code by the 8-minute rule, and, while it can be charted, the
/// clinic's catalog to pick from.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record GetVisitTreatmentQuery(Guid VisitId) : IQuery<Result<VisitTreatmentDto>>;

public sealed record VisitTreatmentDto(
    Guid VisitId,
    bool IsFrozen,
    bool CanEdit,
    IReadOnlyList<PerformedInterventionDto> Interventions,
    DryNeedlingDto? DryNeedling,
    IReadOnlyList<BilledLine> Billing,
    int TimedMinutes,
    int TotalUnits,
    IReadOnlyList<InterventionChoiceDto> Catalog);

public sealed record PerformedInterventionDto(Guid Id, string Code, string Name, BillingKind Billing, string? CptCode, int Minutes, string? Notes, string? Justification);

public sealed record DryNeedlingDto(
    IReadOnlyList<DryNeedlingSiteDto> Sites,
    int NeedleCount,
    decimal NeedleGaugeMm,
    int NeedleLengthMm,
    string LotNumber,
    DryNeedlingTechnique Technique,
    string? ImmediateResponse,
    IReadOnlyList<AdverseEvent> AdverseEvents,
    string? Justification,
    string CptCode,
    string PerformedBy,
    DateTimeOffset PerformedAt);

public sealed record DryNeedlingSiteDto(Guid KnotId, string MuscleCode, string MuscleName, BodySide Side, MuscleZone Zone, bool LocalTwitchResponse);

/// <summary>An intervention a clinician can give, with what the form proposes by default.</summary>
public sealed record InterventionChoiceDto(string Code, string Name, InterventionCategory Category, BillingKind Billing, string? CptCode, int? DefaultMinutes);

public sealed class GetVisitTreatmentHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetVisitTreatmentQuery, Result<VisitTreatmentDto>>
{
    private static readonly Dictionary<string, string> MuscleNames = MuscleCatalog.All.ToDictionary(m => m.Code, m => m.Name);

    public async ValueTask<Result<VisitTreatmentDto>> Handle(GetVisitTreatmentQuery query, CancellationToken cancellationToken)
    {
        // The charting facts and whether a treatment exists, in one read: the note page opens on it.
        var opened = await (
                from v in db.Visits.AsNoTracking()
                join e in db.Episodes on v.EpisodeId equals e.Id
                join n in db.VisitNotes on v.Id equals n.VisitId into notes
                from n in notes.DefaultIfEmpty()
                join t in db.VisitTreatments on v.Id equals t.VisitId into treatments
                from t in treatments.DefaultIfEmpty()
                where v.Id == query.VisitId
                select new { Chart = new ChartedVisit(v, n == null ? (NoteStatus?)null : n.Status, e.Status), TreatmentId = t == null ? (Guid?)null : t.Id })
            .FirstOrDefaultAsync(cancellationToken);
        if (opened is null)
        {
            return Error.NotFound("Visit");
        }

        var chart = opened.Chart;
        var treatment = opened.TreatmentId is { } treatmentId
            ? await db.VisitTreatments.AsNoTracking()
                .Include(t => t.Interventions)
                .Include(t => t.DryNeedling)
                .FirstAsync(t => t.Id == treatmentId, cancellationToken)
            : null;
        // The rule and the role the commands are held to, so the page offers only what will succeed.
        var canEdit = chart.DecisionFor(currentUser).MayChart && currentUser.MaySend<RecordPerformedInterventionCommand>();
        var billing = treatment?.Billing() ?? BillingSummary.Nothing;
        IReadOnlyList<InterventionChoiceDto> choices = canEdit ? Choices(await db.CatalogAsync(includeRetired: false, cancellationToken)) : [];

        return new VisitTreatmentDto(
            chart.Visit.Id,
            treatment?.IsFrozen == true || chart.NoteStatus == NoteStatus.Signed,
            canEdit,
            [.. (treatment?.Interventions ?? []).OrderBy(i => i.Id).Select(i =>
                new PerformedInterventionDto(i.Id, i.InterventionCode, i.Name, i.Billing, i.CptCode, i.Minutes, i.Notes, i.Justification))],
            treatment?.DryNeedling is { } p ? ToDto(p) : null,
            billing.Lines,
            billing.TimedMinutes,
            billing.TotalUnits,
            choices);
    }

    private static IReadOnlyList<InterventionChoiceDto> Choices(IReadOnlyList<CatalogEntry> catalog) =>
        [.. catalog.Select(e => e.Definition)
            .Where(i => i.IsClinicItem && i.Code != InterventionCatalog.DryNeedling)
            .OrderBy(i => i.Category).ThenBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => new InterventionChoiceDto(i.Code, i.Name, i.Category, i.Billing, i.CptCode, i.DefaultDose.MinutesOn))];

    private static DryNeedlingDto ToDto(DryNeedlingProcedure p) => new(
        [.. p.Sites.Select(s => new DryNeedlingSiteDto(s.KnotId, s.MuscleCode, MuscleNames.GetValueOrDefault(s.MuscleCode, s.MuscleCode), s.Side, s.Zone, s.LocalTwitchResponse))],
        p.NeedleCount, p.NeedleGaugeMm, p.NeedleLengthMm, p.LotNumber, p.Technique, p.ImmediateResponse, p.AdverseEvents, p.Justification,
        p.CptCode, p.PerformedBy.Name, p.PerformedAt);
}
