using PtClinic.Domain.Visits;

namespace PtClinic.Web.Services;

/// <summary>
/// How large a message from the browser the circuit accepts, and what has to fit in one. SignalR's
/// default of 32 KB broke the circuit on a Subjective of 19,990 characters. Two kinds of message
/// are large:
/// <list type="bullet">
/// <item>A text field sends its whole value in one event. The value is JSON inside a JSON hub
/// message, so a character costs up to 7 bytes (a control character: <c>\u0000</c>, then
/// <c>\\u0000</c>; a quote or backslash 4; anything else at most 3 bytes of UTF-8): a Subjective
/// at its limit is at most 140 KB.</item>
/// <item>Starting the circuit hands over the state the prerender read (<c>[PersistentState]</c>),
/// as base64 of JSON that escapes every character outside ASCII: up to 6 bytes, 8 in base64. A
/// draft with all four sections at their limit is 80,000 characters, about 640 KB.</item>
/// </list>
/// </summary>
public static class CircuitLimits
{
    public const long MaximumReceiveMessageSize = 1024 * 1024;

    /// <summary>The longest text a person can type into one field of any page.</summary>
    public const int LongestField = VisitNote.SectionMaxLength > NoteAddendum.TextMaxLength ? VisitNote.SectionMaxLength : NoteAddendum.TextMaxLength;

    /// <summary>The most one character of typed text costs on the wire (see above).</summary>
    public const int WorstBytesPerTypedCharacter = 7;

    /// <summary>The most one character of handed-over state costs (see above).</summary>
    public const int WorstBytesPerHandedOverCharacter = 8;

    /// <summary>
    /// How many characters of text a page hands over from the prerender, leaving a quarter of the
    /// message for the rest of its state. A note with more (a signed one with many long addenda) is
    /// read again by the interactive render instead of breaking the circuit's start.
    /// </summary>
    public const int HandoverTextBudget = (int)(MaximumReceiveMessageSize * 3 / 4 / WorstBytesPerHandedOverCharacter);
}
