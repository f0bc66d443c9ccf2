using PtClinic.Domain.Common;

namespace PtClinic.Domain.Visits;

/// <summary>A dated, signed correction or addition to a signed note. Append-only, like the note.</summary>
public sealed class NoteAddendum : ITenantOwned
{
    public const int TextMaxLength = 10_000;

    private NoteAddendum()
    {
        Text = string.Empty;
        Author = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid NoteId { get; private set; }

    public string Text { get; private set; }

    /// <summary>Who wrote and signed it.</summary>
    public StaffRef Author { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }

    internal static NoteAddendum Write(VisitNote note, string text, StaffRef author, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        ClinicId = note.ClinicId,
        NoteId = note.Id,
        Text = Guard.Required(text, "Addendum", TextMaxLength),
        Author = author,
        SignedAt = at,
    };
}
