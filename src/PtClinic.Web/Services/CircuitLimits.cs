using PtClinic.Domain.Visits;

namespace PtClinic.Web.Services;

/// <summary>
/// How large a message from the browser the circuit accepts. A text field sends its whole value
/// in one message, so the limit follows from the longest field a page has, not from a guess:
/// SignalR's default of 32 KB broke the circuit on a Subjective of 19,990 characters.
/// </summary>
public static class CircuitLimits
{
    /// <summary>The longest text a person can type into one field of any page.</summary>
    public const int LongestField = VisitNote.SectionMaxLength > NoteAddendum.TextMaxLength ? VisitNote.SectionMaxLength : NoteAddendum.TextMaxLength;

    /// <summary>
    /// The most one UTF-16 character of that field can cost on the wire: the event's value is
    /// JSON inside a JSON hub message, so a control character becomes <c>\u0000</c> and then
    /// <c>\\u0000</c> (7 bytes). Other characters cost less: a quote or backslash 4, a character
    /// outside ASCII at most 3 bytes of UTF-8 (4 for a surrogate pair, which is 2 characters).
    /// </summary>
    public const int WorstBytesPerCharacter = 7;

    /// <summary>Room for the event's descriptor and the hub message around the value.</summary>
    private const int Envelope = 32 * 1024;

    public const long MaximumReceiveMessageSize = (long)LongestField * WorstBytesPerCharacter + Envelope;
}
