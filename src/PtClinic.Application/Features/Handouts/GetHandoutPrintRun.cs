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

/// <summary>How the requester's run is getting on. Another therapist's run, or another clinic's, is not found.</summary>
[RequiresRole(StaffRoles.Therapist)]
public sealed record GetHandoutPrintRunQuery(Guid RunId) : IQuery<Result<HandoutPrintRunDto>>;

/// <param name="PrintedFor">The patients whose handout is printed so far, in the run's order.</param>
public sealed record HandoutPrintRunDto(
    Guid Id, DateOnly Day, bool LargePrint, HandoutPrintRunStatus Status, int Done, int Total, IReadOnlyList<string> PrintedFor, string? Failure)
{
    public bool IsFinished => Status is HandoutPrintRunStatus.Done or HandoutPrintRunStatus.Failed;
}

public sealed class GetHandoutPrintRunValidator : AbstractValidator<GetHandoutPrintRunQuery>
{
    public GetHandoutPrintRunValidator()
    {
        RuleFor(q => q.RunId).Identifies("print run");
    }
}

public sealed class GetHandoutPrintRunHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetHandoutPrintRunQuery, Result<HandoutPrintRunDto>>
{
    public async ValueTask<Result<HandoutPrintRunDto>> Handle(GetHandoutPrintRunQuery query, CancellationToken cancellationToken)
    {
        var run = await db.RequesterRunAsync(query.RunId, currentUser, tracked: false, cancellationToken);
        return run is null ? Error.NotFound("Print run") : await HandoutPrintRunReading.ProgressAsync(db, run, cancellationToken);
    }
}

/// <summary>What every print-run message answers with: the run's progress, and the combined PDF's name.</summary>
internal static class HandoutPrintRunReading
{
    /// <summary>The run with its items, if the signed-in therapist started it: anyone else's (a colleague's, another clinic's) is not there for them.</summary>
    public static Task<HandoutPrintRun?> RequesterRunAsync(this IAppDbContext db, Guid runId, ICurrentUser currentUser, bool tracked, CancellationToken cancellationToken)
    {
        var runs = tracked ? db.HandoutPrintRuns : db.HandoutPrintRuns.AsNoTracking();
        return runs.Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == runId && r.RequestedBy.UserId == currentUser.UserId, cancellationToken);
    }

    public static string FileName(DateOnly day) => $"handouts-{day:yyyy-MM-dd}.pdf";

    public static async Task<Result<HandoutPrintRunDto>> ProgressAsync(IAppDbContext db, HandoutPrintRun run, CancellationToken cancellationToken)
    {
        var printed = run.Items.Where(i => i.VersionId is not null).OrderBy(i => i.Position).Select(i => i.PatientId).ToList();
        var names = await db.Patients.AsNoTracking()
            .Where(p => printed.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, cancellationToken);
        return new HandoutPrintRunDto(
            run.Id, run.Day, run.LargePrint, run.Status, run.DoneCount, run.Total, [.. printed.Select(id => names[id])], run.Failure);
    }
}
