using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Validation;
using PtClinic.Application.Features.Handouts.Illustrations;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Handouts;

/// <summary>
/// The picture of a home-program item as the clinic's handouts print it, for any signed-in role:
/// the clinic's own upload, else PtClinic's drawing. NotFound for a code with neither.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager, StaffRoles.FrontDesk, StaffRoles.Admin)]
public sealed record GetIllustrationQuery(string InterventionCode) : IQuery<Result<IllustrationDto>>;

/// <param name="UploadedAt">When the clinic's own picture was uploaded; null for PtClinic's drawing.</param>
public sealed record IllustrationDto(byte[] Content, string ContentType, DateTimeOffset? UploadedAt);

public sealed class GetIllustrationValidator : AbstractValidator<GetIllustrationQuery>
{
    public GetIllustrationValidator()
    {
        RuleFor(q => q.InterventionCode).NotEmpty().WithMessage("Say which home-program item's illustration to show.")
            .SingleLine(InterventionDefinition.CodeMaxLength, IllustrationReading.CodeWords);
    }
}

public sealed class GetIllustrationHandler(IAppDbContext db)
    : IQueryHandler<GetIllustrationQuery, Result<IllustrationDto>>
{
    public async ValueTask<Result<IllustrationDto>> Handle(GetIllustrationQuery query, CancellationToken cancellationToken)
    {
        var own = await db.ClinicIllustrations.AsNoTracking()
            .Where(i => i.InterventionCode == query.InterventionCode)
            .Select(i => new IllustrationDto(i.Content, i.ContentType, i.UploadedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (own is not null)
        {
            return own;
        }

        return HandoutIllustrations.Default(query.InterventionCode) is { } drawing
            ? new IllustrationDto(drawing.Data, drawing.MediaType, null)
            : Error.NotFound("Illustration");
    }
}
