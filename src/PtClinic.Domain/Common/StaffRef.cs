namespace PtClinic.Domain.Common;

/// <summary>
/// Who did something, as the record must show it forever: the staff member's id and their name at
/// the time (a later rename must not rewrite who signed a note).
/// </summary>
public sealed record StaffRef(Guid UserId, string Name)
{
    public const int NameMaxLength = 120;
}
