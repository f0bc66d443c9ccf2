using Mediator;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Treatment;

/// <summary>
/// The clinic's intervention catalog, for prescribing (therapists) and for its upkeep (admins, who
/// also see the retired entries).
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager, StaffRoles.Admin)]
public sealed record ListInterventionCatalogQuery(bool IncludeRetired = false) : IQuery<Result<IReadOnlyList<InterventionDto>>>;

public sealed record ContraindicationDto(Contraindication Code, ContraindicationSeverity Severity, string When);

public sealed record InterventionDto(
    string Code,
    string Name,
    InterventionCategory Category,
    Performer Performer,
    DoseInput DefaultDose,
    string DoseWording,
    string PatientWording,
    string Precautions,
    IReadOnlyList<ContraindicationDto> Contraindications,
    BillingKind Billing,
    string? CptCode,
    bool IsSeeded,
    bool IsEdited,
    bool IsRetired)
{
    public static InterventionDto From(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var d = entry.Definition;
        return new(d.Code, d.Name, d.Category, d.Performer, DoseInput.From(d.DefaultDose), d.DefaultDose.Describe(),
            d.PatientWording, d.Precautions,
            [.. d.Contraindications.Select(c => new ContraindicationDto(c.Code, c.Severity, SafetyRules.For(c.Code).When))],
            d.Billing, d.CptCode, entry.IsSeeded, entry.IsEdited, entry.IsRetired);
    }
}

public sealed class ListInterventionCatalogHandler(IAppDbContext db)
    : IQueryHandler<ListInterventionCatalogQuery, Result<IReadOnlyList<InterventionDto>>>
{
    public async ValueTask<Result<IReadOnlyList<InterventionDto>>> Handle(ListInterventionCatalogQuery query, CancellationToken cancellationToken)
    {
        var catalog = await db.CatalogAsync(query.IncludeRetired, cancellationToken);
        return catalog.Select(InterventionDto.From).ToList();
    }
}
