using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Handouts.Illustrations;
using PtClinic.Application.Features.Treatment;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Handouts;

/// <summary>Every home-program item of the clinic's catalog, retired ones too, with the picture its handouts print.</summary>
[RequiresRole(StaffRoles.Admin)]
public sealed record ListIllustrationsQuery : IQuery<Result<IReadOnlyList<IllustrationItemDto>>>;

/// <summary>Where the picture a handout prints for an item comes from.</summary>
public enum IllustrationSource
{
    /// <summary>The line drawing PtClinic ships for the seeded item.</summary>
    Drawn,

    /// <summary>The clinic's own upload.</summary>
    Custom,

    /// <summary>Neither: a clinic's own exercise it gave no picture yet.</summary>
    None,
}

/// <param name="UploadedBy">Who uploaded the clinic's own picture; null unless <paramref name="Source"/> is Custom.</param>
public sealed record IllustrationItemDto(
    string Code,
    string Name,
    bool IsRetired,
    IllustrationSource Source,
    string? UploadedBy,
    DateTimeOffset? UploadedAt);

public sealed class ListIllustrationsHandler(IAppDbContext db)
    : IQueryHandler<ListIllustrationsQuery, Result<IReadOnlyList<IllustrationItemDto>>>
{
    public async ValueTask<Result<IReadOnlyList<IllustrationItemDto>>> Handle(ListIllustrationsQuery query, CancellationToken cancellationToken)
    {
        var catalog = await db.CatalogAsync(includeRetired: true, cancellationToken);
        var uploads = await db.ClinicIllustrations.AsNoTracking()
            .Select(i => new { i.InterventionCode, i.UploadedBy.Name, i.UploadedAt })
            .ToDictionaryAsync(i => i.InterventionCode, StringComparer.Ordinal, cancellationToken);
        return catalog.Where(e => IllustrationReading.IsHomeProgram(e.Definition)).Select(e =>
                uploads.TryGetValue(e.Definition.Code, out var own)
                    ? new IllustrationItemDto(e.Definition.Code, e.Definition.Name, e.IsRetired, IllustrationSource.Custom, own.Name, own.UploadedAt)
                    : new IllustrationItemDto(e.Definition.Code, e.Definition.Name, e.IsRetired,
                        HandoutIllustrations.Default(e.Definition.Code) is null ? IllustrationSource.None : IllustrationSource.Drawn, null, null))
            .ToList();
    }
}
