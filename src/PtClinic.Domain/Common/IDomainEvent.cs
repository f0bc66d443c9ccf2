namespace PtClinic.Domain.Common;

/// <summary>
/// Something that happened to an aggregate that other parts of the model must follow (a note was
/// signed, so everything charted with it freezes). Raised by the aggregate's own method; the unit
/// of work dispatches it to its handlers as it saves, in the same transaction.
/// </summary>
public interface IDomainEvent
{
}
