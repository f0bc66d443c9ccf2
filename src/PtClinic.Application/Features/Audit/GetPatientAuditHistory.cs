using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;
using PtClinic.Domain.Audit;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Audit;

/// <summary>
/// Who opened or changed one patient's record, when, from where, and how it ended (HIPAA's
/// accounting of access): newest first, filtered by the clinic's dates, staff member, action and
/// outcome. The page and its CSV export read the same rows through this query.
/// </summary>
[RequiresRole(StaffRoles.ClinicManager, StaffRoles.Admin)]
public sealed record GetPatientAuditHistoryQuery(
    Guid PatientId,
    DateOnly? From = null,
    DateOnly? To = null,
    Guid? StaffMemberId = null,
    string? Action = null,
    string? Outcome = null,
    int Page = 1,
    int PageSize = GetPatientAuditHistoryQuery.DefaultPageSize) : IQuery<Result<PatientAuditHistoryDto>>
{
    public const int DefaultPageSize = 50;

    /// <summary>The most rows one answer (a CSV export) carries; narrow the dates for more.</summary>
    public const int MaxPageSize = 10_000;
}

public sealed record PatientAuditHistoryDto(
    Guid PatientId,
    string PatientName,
    int TotalCount,
    int Page,
    int PageSize,
    IReadOnlyList<AuditEventDto> Events);

/// <param name="Description">What happened, in words ("Opened the chart").</param>
public sealed record AuditEventDto(
    long Sequence,
    DateTimeOffset OccurredAt,
    string Actor,
    string Roles,
    string Action,
    string Description,
    string? EntityType,
    Guid? EntityId,
    string Outcome,
    string? ClientAddress);

public sealed class GetPatientAuditHistoryValidator : AbstractValidator<GetPatientAuditHistoryQuery>
{
    public GetPatientAuditHistoryValidator()
    {
        RuleFor(q => q.PatientId).Identifies("patient");
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("The end date must be on or after the start date.");
        RuleFor(q => q.From).GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).When(q => q.From is not null)
            .WithMessage("Choose a start date from the year 2000 on.");
        RuleFor(q => q.Action).Must(a => a is null || AuditActions.All.Contains(a))
            .WithMessage("Choose an action from the list.");
        RuleFor(q => q.Outcome).Must(o => o is null || AuditOutcomes.All.Contains(o))
            .WithMessage("Choose an outcome from the list.");
        RuleFor(q => q.Page).Between(1, 100_000, "Page");
        RuleFor(q => q.PageSize).Between(1, GetPatientAuditHistoryQuery.MaxPageSize, "Page size", "rows");
    }
}

public sealed class GetPatientAuditHistoryHandler(IAppDbContext db, ClinicClock clock)
    : IQueryHandler<GetPatientAuditHistoryQuery, Result<PatientAuditHistoryDto>>
{
    public async ValueTask<Result<PatientAuditHistoryDto>> Handle(GetPatientAuditHistoryQuery query, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking()
            .Where(p => p.Id == query.PatientId)
            .Select(p => new { p.GivenName, p.FamilyName })
            .SingleOrDefaultAsync(cancellationToken);
        if (patient is null)
        {
            return Error.NotFound("Patient");
        }

        var calendar = await clock.CalendarAsync(cancellationToken);
        var rows = db.AuditEvents.AsNoTracking().Where(e => e.PatientId == query.PatientId);
        if (query.From is { } from)
        {
            var starts = calendar.StartOf(from);
            rows = rows.Where(e => e.OccurredAt >= starts);
        }

        if (query.To is { } to)
        {
            var ends = calendar.StartOf(to.AddDays(1));
            rows = rows.Where(e => e.OccurredAt < ends);
        }

        if (query.StaffMemberId is { } staffId)
        {
            rows = rows.Where(e => e.ActorId == staffId);
        }

        if (query.Action is { } action)
        {
            rows = rows.Where(e => e.Action == action);
        }

        if (query.Outcome is { } outcome)
        {
            rows = rows.Where(e => e.Outcome == outcome);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows
            .OrderByDescending(e => e.Sequence)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(e => new
            {
                e.Sequence,
                e.OccurredAt,
                e.ActorId,
                Actor = db.StaffMembers.Where(s => s.Id == e.ActorId).Select(s => s.FullName).FirstOrDefault(),
                e.ActorRoles,
                e.Action,
                e.Operation,
                e.EntityType,
                e.EntityId,
                e.Outcome,
                e.ClientAddress,
            })
            .ToListAsync(cancellationToken);

        return new PatientAuditHistoryDto(
            query.PatientId,
            $"{patient.GivenName} {patient.FamilyName}",
            total,
            query.Page,
            query.PageSize,
            page.Select(e => new AuditEventDto(
                e.Sequence,
                e.OccurredAt,
                e.Actor ?? (e.ActorId is null ? AuditWording.SystemActor : AuditWording.UnknownActor),
                AuditWording.Roles(e.ActorRoles),
                e.Action,
                AuditWording.Describe(e.Operation),
                e.EntityType,
                e.EntityId,
                e.Outcome,
                e.ClientAddress)).ToList());
    }
}
