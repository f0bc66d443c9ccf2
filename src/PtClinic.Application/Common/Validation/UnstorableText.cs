using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using PtClinic.Application.Common.Results;

namespace PtClinic.Application.Common.Validation;

/// <summary>
/// PostgreSQL's text cannot hold the NUL character (SQLSTATE 22021): pasted from a binary file or
/// sent by a hostile client, it would fail the save with a database error. Every text of every
/// message, nested inputs and lists included, is checked before the handler runs, so no field can
/// forget it.
/// </summary>
public static partial class UnstorableText
{
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static List<FieldError> Find(object message)
    {
        var errors = new List<FieldError>();
        Visit(message, prefix: "", depth: 0, errors);
        return errors;
    }

    private static void Visit(object value, string prefix, int depth, List<FieldError> errors)
    {
        foreach (var property in Properties.GetOrAdd(value.GetType(), Readable))
        {
            var path = prefix + property.Name;
            switch (property.GetValue(value))
            {
                case string text:
                    Check(text, path, property.Name, errors);
                    break;
                case IEnumerable items when depth < MaxDepth:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is string text)
                        {
                            Check(text, $"{path}[{index}]", property.Name, errors);
                        }
                        else if (item is not null && IsOurs(item.GetType()))
                        {
                            Visit(item, $"{path}[{index}].", depth + 1, errors);
                        }

                        index++;
                    }

                    break;
                case { } nested when depth < MaxDepth && IsOurs(nested.GetType()):
                    Visit(nested, path + ".", depth + 1, errors);
                    break;
            }
        }
    }

    /// <summary>The message for a field, named so it reads on its own in a status line as well as beside the field.</summary>
    public static string MessageFor(string propertyName) =>
        $"{Label(propertyName)}: there is an invisible character in it (a NUL, often pasted from another program) that cannot be saved; delete it and try again.";

    private static void Check(string text, string path, string name, List<FieldError> errors)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(new FieldError(path, MessageFor(name)));
        }
    }

    /// <summary>"MuscleGuardingNote" → "Muscle guarding note".</summary>
    private static string Label(string propertyName)
    {
        var words = Words().Replace(propertyName, " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();

    private static PropertyInfo[] Readable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)];

    /// <summary>Inputs of ours (records such as FindingsInput); framework types are not walked.</summary>
    private static bool IsOurs(Type type) =>
        type.Namespace?.StartsWith("PtClinic.", StringComparison.Ordinal) == true && !type.IsEnum;
}
