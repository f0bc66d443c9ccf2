using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Handouts;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Handouts;

/// <summary>An issued handout's PDF, exactly as it was given to the patient.</summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record GetHandoutPdfQuery(Guid EpisodeId, Guid VersionId) : IQuery<Result<HandoutPdf>>;

/// <summary>A handout's PDF and the name the browser saves it as; <see cref="IssuedAt"/> is null for a preview.</summary>
public sealed record HandoutPdf(byte[] Content, string FileName, DateTimeOffset? IssuedAt);

public sealed class GetHandoutPdfValidator : AbstractValidator<GetHandoutPdfQuery>
{
    public GetHandoutPdfValidator()
    {
        RuleFor(q => q.EpisodeId).Identifies("episode");
        RuleFor(q => q.VersionId).Identifies("handout");
    }
}

public sealed class GetHandoutPdfHandler(IAppDbContext db) : IQueryHandler<GetHandoutPdfQuery, Result<HandoutPdf>>
{
    public async ValueTask<Result<HandoutPdf>> Handle(GetHandoutPdfQuery query, CancellationToken cancellationToken)
    {
        var version = await db.HandoutVersions.AsNoTracking()
            .Where(v => v.Id == query.VersionId && v.EpisodeId == query.EpisodeId)
            .Join(db.Patients, v => v.PatientId, p => p.Id, (v, p) => new { v.Pdf, v.Number, v.IssuedAt, Patient = p.GivenName + " " + p.FamilyName })
            .FirstOrDefaultAsync(cancellationToken);
        return version is null
            ? Error.NotFound("Handout")
            : new HandoutPdf(version.Pdf, HandoutVersion.FileName(version.Patient, version.Number), version.IssuedAt);
    }
}
