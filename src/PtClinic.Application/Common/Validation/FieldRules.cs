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
    /// A text a person types, with its bound, and no control characters, which a form cannot show
    /// (line breaks and tabs allowed when <paramref name="multiLine"/>). NUL, which PostgreSQL cannot
    /// store, is refused for every field by the validation behaviour (<see cref="UnstorableText"/>).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> StorableText<T>(this IRuleBuilder<T, string?> rule, int maxLength, string what, bool multiLine = false) =>
        rule.AtMost(maxLength, what)
            .Must(text => text is null || !text.Any(c => c != '\0' && char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')))
            .WithMessage($"{Sentence(what)} contains an invisible control character; retype it.");

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
