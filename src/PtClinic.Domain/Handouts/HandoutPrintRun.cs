using PtClinic.Domain.Common;

namespace PtClinic.Domain.Handouts;

public enum HandoutPrintRunStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// A therapist's "print today's handouts": the episodes of their visits of one clinic day, in the
/// day's order, each issued its handout in turn by a background job, then one PDF of them all.
/// Each item records the version it printed in the same save that issues it, so a job that died
/// part way on goes on from the first item without one, and issues nothing twice.
/// </summary>
public sealed class HandoutPrintRun : ITenantOwned
{
    /// <summary>More visits than any therapist has in a day.</summary>
    public const int MaxItems = 100;

    /// <summary>A day's handouts in one PDF: about 30 KB each, plus the logo once per handout.</summary>
    public const int MaxPdfBytes = 64 * 1024 * 1024;

    public const int FailureMaxLength = 500;

    private readonly List<HandoutPrintRunItem> _items = [];

    private HandoutPrintRun()
    {
        RequestedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public StaffRef RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The clinic day whose visits it prints.</summary>
    public DateOnly Day { get; private set; }

    public bool LargePrint { get; private set; }

    public HandoutPrintRunStatus Status { get; private set; }

    public int Total { get; private set; }

    /// <summary>How many items have their handout.</summary>
    public int DoneCount { get; private set; }

    /// <summary>In the day's order: the order the handouts come out of the printer.</summary>
    public IReadOnlyCollection<HandoutPrintRunItem> Items => _items;

    /// <summary>Every item's handout in one PDF, once the run is done.</summary>
    public byte[]? Pdf { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Why it stopped, in words for the therapist.</summary>
    public string? Failure { get; private set; }

    public uint Version { get; private set; }

    public bool IsFinished => Status is HandoutPrintRunStatus.Done or HandoutPrintRunStatus.Failed;

    /// <param name="episodes">Each episode once, in the order its handout prints.</param>
    public static HandoutPrintRun Start(
        Guid clinicId, DateOnly day, bool largePrint, IReadOnlyList<(Guid EpisodeId, Guid PatientId)> episodes, StaffRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(by);
        if (episodes.Count == 0)
        {
            throw new DomainException("A print run prints at least one handout.");
        }

        if (episodes.Count > MaxItems)
        {
            throw new DomainException($"A print run prints at most {MaxItems} handouts.");
        }

        if (episodes.Select(e => e.EpisodeId).Distinct().Count() != episodes.Count)
        {
            throw new DomainException("A print run prints each episode's handout once.");
        }

        var run = new HandoutPrintRun
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = clinicId,
            RequestedBy = by,
            RequestedAt = at,
            Day = day,
            LargePrint = largePrint,
            Status = HandoutPrintRunStatus.Queued,
            Total = episodes.Count,
        };
        run._items.AddRange(episodes.Select((e, i) => new HandoutPrintRunItem(run, i + 1, e.EpisodeId, e.PatientId, at)));
        return run;
    }

    /// <summary>The first item still without its handout; none when every one has it.</summary>
    public HandoutPrintRunItem? NextToPrint() =>
        IsFinished ? null : _items.Where(i => i.VersionId is null).OrderBy(i => i.Position).FirstOrDefault();

    public void Printed(HandoutPrintRunItem item, Guid versionId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(item);
        EnsureNotFinished();
        if (!_items.Contains(item))
        {
            throw new DomainException("That episode is not in this print run.");
        }

        if (item.VersionId is not null)
        {
            throw new DomainException("That handout was printed already.");
        }

        item.Printed(versionId, at);
        Status = HandoutPrintRunStatus.Running;
        DoneCount = _items.Count(i => i.VersionId is not null);
    }

    public void Finish(byte[] pdf, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        EnsureNotFinished();
        if (_items.Any(i => i.VersionId is null))
        {
            throw new DomainException("A print run is done once every handout is printed.");
        }

        if (pdf.Length == 0 || pdf.Length > MaxPdfBytes)
        {
            throw new DomainException("The print run's PDF is missing or too large to keep.");
        }

        Pdf = pdf;
        Status = HandoutPrintRunStatus.Done;
        FinishedAt = at;
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureNotFinished();
        Failure = reason.Length > FailureMaxLength ? reason[..FailureMaxLength] : reason;
        Status = HandoutPrintRunStatus.Failed;
        FinishedAt = at;
    }

    private void EnsureNotFinished()
    {
        if (IsFinished)
        {
            throw new DomainException("This print run has finished.");
        }
    }
}

/// <summary>One episode of a print run, and the handout version it got.</summary>
public sealed class HandoutPrintRunItem : ITenantOwned
{
    private HandoutPrintRunItem()
    {
    }

    internal HandoutPrintRunItem(HandoutPrintRun run, int position, Guid episodeId, Guid patientId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ClinicId = run.ClinicId;
        RunId = run.Id;
        Position = position;
        EpisodeId = episodeId;
        PatientId = patientId;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid RunId { get; private set; }

    /// <summary>1, 2, ...: its place in the run.</summary>
    public int Position { get; private set; }

    public Guid EpisodeId { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>The handout it printed: a new version, or the one the patient already held.</summary>
    public Guid? VersionId { get; private set; }

    public DateTimeOffset? PrintedAt { get; private set; }

    internal void Printed(Guid versionId, DateTimeOffset at)
    {
        VersionId = versionId;
        PrintedAt = at;
    }
}
