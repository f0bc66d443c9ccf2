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

/// <summary>The requester's finished run as one PDF, every handout numbered on its own.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record GetHandoutPrintRunPdfQuery(Guid RunId) : IQuery<Result<HandoutPdf>>;

public sealed class GetHandoutPrintRunPdfValidator : AbstractValidator<GetHandoutPrintRunPdfQuery>
{
    public GetHandoutPrintRunPdfValidator()
    {
        RuleFor(q => q.RunId).Identifies("print run");
    }
}

public sealed class GetHandoutPrintRunPdfHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetHandoutPrintRunPdfQuery, Result<HandoutPdf>>
{
    public async ValueTask<Result<HandoutPdf>> Handle(GetHandoutPrintRunPdfQuery query, CancellationToken cancellationToken)
    {
        var run = await db.HandoutPrintRuns.AsNoTracking()
            .Where(r => r.Id == query.RunId && r.RequestedBy.UserId == currentUser.UserId)
            .Select(r => new { r.Status, r.Pdf, r.Day, r.FinishedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return Error.NotFound("Print run");
        }

        return run.Status == HandoutPrintRunStatus.Done && run.Pdf is not null
            ? new HandoutPdf(run.Pdf, HandoutPrintRunReading.FileName(run.Day), run.FinishedAt)
            : Error.Rule("The handouts are still printing; the PDF is ready when all of them are.");
    }
}
