using Mediator;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;
using PtClinic.Application.Features.Knots;
using PtClinic.Application.Features.Staff;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Visits;

namespace PtClinic.Application.Features.Visits;

/// <summary>
/// A visit's SOAP note for the charting page (blank sections and a null <c>NoteId</c> until the first
/// save), with what the current user may do with it. Clinical staff only: the front desk books
/// visits but does not read notes.
/// </summary>
[RequiresRole(StaffRoles.Therapist, StaffRoles.ClinicManager)]
public sealed record GetVisitNoteQuery(Guid VisitId) : IQuery<Result<VisitNoteDto>>;

public sealed record VisitNoteDto(
    Guid VisitId,
    Guid EpisodeId,
    Guid PatientId,
    string PatientName,
    string Mrn,
    DateTimeOffset StartsAt,
    VisitType Type,
    VisitStatus VisitStatus,
    string TherapistName,
    Guid? NoteId,
    string Subjective,
    string Objective,
    string Assessment,
    string Plan,
    NoteStatus? NoteStatus,
    uint? Version,
    DateTimeOffset? LastEditedAt,
    string? LastEditedBy,
    string? SignedBy,
    DateTimeOffset? SignedAt,
    bool CanEdit,
    bool CanSign,
    IReadOnlyList<AddendumDto> Addenda,
    SafetyFlagsDto Safety,
    IReadOnlyList<FlaggedKnotDto>? FlaggedKnots = null);

public sealed record AddendumDto(Guid Id, string Text, string Author, DateTimeOffset SignedAt);

public sealed class GetVisitNoteHandler(IAppDbContext db, IStaffDirectory staff, ICurrentUser currentUser)
    : IQueryHandler<GetVisitNoteQuery, Result<VisitNoteDto>>
{
    public async ValueTask<Result<VisitNoteDto>> Handle(GetVisitNoteQuery query, CancellationToken cancellationToken)
    {
        // The visit with its episode and patient in one read: the page opens on this query.
        var context = await (
                from v in db.Visits.AsNoTracking()
                where v.Id == query.VisitId
                join e in db.Episodes on v.EpisodeId equals e.Id
                join p in db.Patients on e.PatientId equals p.Id
                select new { Visit = v, e.Status, PatientName = p.GivenName + " " + p.FamilyName, p.Mrn, p.MedicalHistory })
            .FirstOrDefaultAsync(cancellationToken);
        if (context is null)
        {
            return Error.NotFound("Visit");
        }

        var visit = context.Visit;
        var note = await db.VisitNotes.AsNoTracking()
            .Include(n => n.Addenda)
            .FirstOrDefaultAsync(n => n.VisitId == visit.Id, cancellationToken);
        var therapistName = await staff.NameOfAsync(currentUser.ClinicId!.Value, visit.TherapistId, cancellationToken);
        var redFlags = (await db.RedFlagsAsync([(visit.Id, visit.EpisodeId, visit.StartsAt)], cancellationToken))[visit.Id];
        // The patient's knots flagged by the signed notes so far: what to look for at this visit.
        var flaggedKnots = (await db.FlaggedKnotsAsync([visit.PatientId], cancellationToken))[visit.PatientId];

        // The rule and the roles the commands are held to, so the page offers only what will succeed.
        var charting = Charting.Decide(visit, note?.Status, context.Status, currentUser.UserId);
        var canEdit = charting.MayChart && currentUser.MaySend<SaveNoteDraftCommand>();
        var canSign = charting.MayChart && currentUser.MaySend<SignVisitNoteCommand>();

        return new VisitNoteDto(
            visit.Id,
            visit.EpisodeId,
            visit.PatientId,
            context.PatientName,
            context.Mrn,
            visit.StartsAt,
            visit.Type,
            visit.Status,
            therapistName,
            note?.Id,
            note?.Subjective ?? string.Empty,
            note?.Objective ?? string.Empty,
            note?.Assessment ?? string.Empty,
            note?.Plan ?? string.Empty,
            note?.Status,
            note?.Version,
            note?.LastEditedAt,
            note?.LastEditedBy.Name,
            note?.SignedBy?.Name,
            note?.SignedAt,
            canEdit,
            canSign,
            note?.Addenda.OrderBy(a => a.SignedAt).ThenBy(a => a.Id)
                .Select(a => new AddendumDto(a.Id, a.Text, a.Author.Name, a.SignedAt))
                .ToList() ?? [],
            new SafetyFlagsDto(context.MedicalHistory.Describe(), redFlags.ThisVisit, redFlags.OpenOnEpisode),
            [.. flaggedKnots]);
    }
}
