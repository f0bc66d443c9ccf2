using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;

namespace PtClinic.Domain.Visits;

/// <summary>
/// The SOAP note of a visit. A draft saves as the therapist types; signing freezes it for good
/// (the database refuses updates to a signed note too), and raises <see cref="VisitNoteSigned"/>
/// so that everything charted with it freezes too. Corrections are signed addenda.
/// </summary>
public sealed class VisitNote : AggregateRoot, ITenantOwned
{
    /// <summary>Per SOAP section; generous for a long evaluation, bounded against paste accidents.</summary>
    public const int SectionMaxLength = 20_000;

    /// <summary>A note still unsigned this long after its visit started is overdue, and reported.</summary>
    public static readonly TimeSpan SigningDeadline = TimeSpan.FromHours(24);

    private readonly List<NoteAddendum> _addenda = [];

    private VisitNote()
    {
        Subjective = Objective = Assessment = Plan = string.Empty;
        LastEditedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid VisitId { get; private set; }

    public string Subjective { get; private set; }

    public string Objective { get; private set; }

    public string Assessment { get; private set; }

    public string Plan { get; private set; }

    public NoteStatus Status { get; private set; }

    public StaffRef LastEditedBy { get; private set; }

    public DateTimeOffset LastEditedAt { get; private set; }

    public StaffRef? SignedBy { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    public IReadOnlyCollection<NoteAddendum> Addenda => _addenda;

    public uint Version { get; private set; }

    public bool IsSigned => Status == NoteStatus.Signed;

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Subjective) && string.IsNullOrWhiteSpace(Objective)
        && string.IsNullOrWhiteSpace(Assessment) && string.IsNullOrWhiteSpace(Plan);

    public static VisitNote Start(Visit visit, StaffRef author, DateTimeOffset at)
    {
        Charting.EnsureVisitCanBeCharted(visit);
        return new VisitNote
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = visit.ClinicId,
            VisitId = visit.Id,
            Status = NoteStatus.Draft,
            LastEditedBy = author,
            LastEditedAt = at,
        };
    }

    public void SaveDraft(string? subjective, string? objective, string? assessment, string? plan, StaffRef editor, DateTimeOffset at)
    {
        EnsureDraft();
        // Check every section before changing any, so a refused save leaves the note as it was.
        var sections = (Section(subjective, "Subjective"), Section(objective, "Objective"),
            Section(assessment, "Assessment"), Section(plan, "Plan"));
        (Subjective, Objective, Assessment, Plan) = sections;
        LastEditedBy = editor;
        LastEditedAt = at;
    }

    /// <summary>
    /// Signs the note as <paramref name="signer"/>, under the same rule as any charting: only the
    /// visit's therapist or the one covering it, while the episode is not discharged.
    /// </summary>
    public void Sign(Visit visit, EpisodeStatus episodeStatus, StaffRef signer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(signer);
        if (visit.Id != VisitId)
        {
            throw new DomainException("The note belongs to another visit.");
        }

        Charting.Decide(visit, Status, episodeStatus, signer.UserId).EnsureMayChart();

        if (IsEmpty)
        {
            throw new DomainException("An empty note cannot be signed; write at least one section.");
        }

        SignedBy = signer;
        SignedAt = at;
        Status = NoteStatus.Signed;
        visit.Complete();
        Raise(new VisitNoteSigned(this, visit));
    }

    public NoteAddendum AddAddendum(string text, StaffRef author, DateTimeOffset at)
    {
        if (!IsSigned)
        {
            throw new DomainException("A draft is edited directly; addenda are for signed notes.");
        }

        var addendum = NoteAddendum.Write(this, text, author, at);
        _addenda.Add(addendum);
        return addendum;
    }

    private void EnsureDraft()
    {
        if (IsSigned)
        {
            throw new DomainException(Charting.Message(ChartingRefusal.NoteSigned));
        }
    }

    private static string Section(string? text, string name)
    {
        var value = text ?? string.Empty;
        return value.Length <= SectionMaxLength
            ? value
            : throw new DomainException($"{name} must be at most {SectionMaxLength} characters.");
    }
}
