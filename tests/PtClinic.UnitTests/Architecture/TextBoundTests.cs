using System.Collections;
using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Security;

namespace PtClinic.UnitTests.Architecture;

/// <summary>
/// Every text a command carries, nested inputs and lists included, has a length bound in its
/// validator (the FieldRules SingleLine / MultiLine rules bring one, from the constant the column
/// shares): no field reaches the database unbounded.
/// </summary>
public sealed class TextBoundTests
{
    private const int MaxDepth = 3;

    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddApplication()
        .BuildServiceProvider();

    public static TheoryData<Type> Commands() => new(AccessMatrix.Messages
        .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))));

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_text_of_every_command_has_a_length_bound(Type command)
    {
        // A validator of an interface the command implements (IPatientDemographics) is the one it Includes.
        Type[] validated = [command, .. command.GetInterfaces().Where(i => i.Namespace?.StartsWith("PtClinic.", StringComparison.Ordinal) == true)];
        var descriptors = typeof(Result).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && validated.Any(v => typeof(IValidator<>).MakeGenericType(v).IsAssignableFrom(t)))
            .Select(t => ((IValidator)ActivatorUtilities.CreateInstance(Services, t)).CreateDescriptor())
            .ToList();

        var unbounded = TextPaths(command, "", 0).Where(path => !descriptors.Any(d => IsBounded(d, path))).ToList();

        unbounded.ShouldBeEmpty($"{command.Name}: give each text a FieldRules SingleLine/MultiLine rule with its column's constant");
    }

    /// <summary>Bounded by a rule on the path itself, or by the child validator (SetValidator) of a part of it.</summary>
    private static bool IsBounded(IValidatorDescriptor descriptor, string path)
    {
        if (descriptor.GetRulesForMember(path).SelectMany(rule => rule.Components).Any(c => c.Validator is ILengthValidator { Max: > 0 }))
        {
            return true;
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && descriptor.GetRulesForMember(path[..dot]).SelectMany(rule => rule.Components)
            .Select(c => c.Validator).OfType<IChildValidatorAdaptor>()
            .Select(child => ChildValidator(child))
            .Any(child => child is not null && IsBounded(child.CreateDescriptor(), path[(dot + 1)..]));
    }

    /// <summary>The validator a SetValidator rule runs, when it is a fixed instance (not a factory needing a context).</summary>
    private static IValidator? ChildValidator(IChildValidatorAdaptor adaptor) =>
        adaptor.GetType().GetField("_validator", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(adaptor) as IValidator;

    /// <summary>"GivenName", "Findings.Easing", "ActivityNames" (a list's items are bounded by RuleForEach on it).</summary>
    private static IEnumerable<string> TextPaths(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var path = prefix + property.Name;
            var propertyType = property.PropertyType;
            if (propertyType == typeof(string) || (propertyType != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(propertyType)))
            {
                yield return path;
            }
            else if (depth < MaxDepth && IsOurs(propertyType) && !typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                foreach (var nested in TextPaths(propertyType, path + ".", depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("PtClinic.", StringComparison.Ordinal) == true && type is { IsEnum: false, IsClass: true };
}
