using System.Globalization;
using FluentValidation;

namespace PtClinic.Application.Common.Validation;

/// <summary>
/// The rules most fields share, each with a message a person would write about the field
/// ("Enter the chief complaint"), never the validator's default ("'Chief Complaint' must not be
/// empty."). An architecture test refuses any rule left with a default message.
/// </summary>
public static class FieldRules
{
    /// <summary>An id the page sends, never typed: a missing one is a caller's mistake, said plainly.</summary>
    public static IRuleBuilderOptions<T, Guid> Identifies<T>(this IRuleBuilder<T, Guid> rule, string what) =>
        rule.NotEmpty().WithMessage($"Say which {what} this is about.");

    /// <summary>A text with a bound that the column shares.</summary>
    public static IRuleBuilderOptions<T, string?> AtMost<T>(this IRuleBuilder<T, string?> rule, int maxLength, string what) =>
        rule.MaximumLength(maxLength).WithMessage(string.Create(CultureInfo.InvariantCulture,
            $"{Sentence(what)} can be at most {maxLength:N0} characters; this one has {{TotalLength}}."));

    /// <summary>
    /// A text typed on one line (a name, an MRN, a phone number, a short reason), with the bound its
    /// column shares. Refuses every control character (tab and line breaks too: the input cannot show
    /// them) and every bidirectional control, which can make a name display as another.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, int maxLength, string what) =>
        rule.AtMost(maxLength, what)
            .Must(text => text is null || !text.Any(RefusedOnOneLine))
            .WithMessage($"{Sentence(what)} contains an invisible control or text-direction character (often pasted from another program); retype it.");

    /// <summary>
    /// A text of several lines (a note section, an addendum, an address): tab, line feed and carriage
    /// return are allowed, line endings kept as typed; other control characters and the direction
    /// overrides and isolates, which can show text in another order than it is stored, are refused.
    /// The left-to-right and right-to-left marks stay allowed: typing mixed-direction text needs them.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MultiLine<T>(this IRuleBuilder<T, string?> rule, int maxLength, string what) =>
        rule.AtMost(maxLength, what)
            .Must(text => text is null || !text.Any(RefusedInText))
            .WithMessage($"{Sentence(what)} contains an invisible control or text-direction character (often pasted from another program); retype it.");

    /// <summary>NUL is left to <see cref="UnstorableText"/>, which says it for every field with its own message.</summary>
    private static bool RefusedOnOneLine(char c) => c != '\0' && (char.IsControl(c) || IsDirectionControl(c) || c is '\u200E' or '\u200F');

    private static bool RefusedInText(char c) => c != '\0' && ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || IsDirectionControl(c));

    /// <summary>Embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069.</summary>
    private static bool IsDirectionControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>One of the listed choices (an enum), for a value sent from a list.</summary>
    public static IRuleBuilderOptions<T, TEnum> OneOf<T, TEnum>(this IRuleBuilder<T, TEnum> rule, string what)
        where TEnum : struct, Enum =>
        rule.IsInEnum().WithMessage($"Choose {what} from the list.");

    public static IRuleBuilderOptions<T, TEnum?> OneOf<T, TEnum>(this IRuleBuilder<T, TEnum?> rule, string what)
        where TEnum : struct, Enum =>
        rule.NotNull().WithMessage($"Choose {what}.").IsInEnum().WithMessage($"Choose {what} from the list.");

    /// <summary>A whole number in a range, with its unit ("minutes") if it has one.</summary>
    public static IRuleBuilderOptions<T, int?> Between<T>(this IRuleBuilder<T, int?> rule, int from, int to, string what, string? unit = null) =>
        rule.InclusiveBetween(from, to).WithMessage(RangeMessage(what, from, to, unit));

    public static IRuleBuilderOptions<T, int> Between<T>(this IRuleBuilder<T, int> rule, int from, int to, string what, string? unit = null) =>
        rule.InclusiveBetween(from, to).WithMessage(RangeMessage(what, from, to, unit));

    public static IRuleBuilderOptions<T, decimal?> Between<T>(this IRuleBuilder<T, decimal?> rule, decimal from, decimal to, string what, string? unit = null) =>
        rule.InclusiveBetween(from, to).WithMessage(RangeMessage(what, from, to, unit));

    private static string RangeMessage<TNumber>(string what, TNumber from, TNumber to, string? unit) =>
        $"{Sentence(what)} must be {from} to {to}{(unit is null ? "" : " " + unit)}.";

    private static string Sentence(string what) => what.Length == 0 ? what : char.ToUpperInvariant(what[0]) + what[1..];
}
