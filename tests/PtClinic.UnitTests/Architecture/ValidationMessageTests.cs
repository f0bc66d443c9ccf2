using FluentValidation;
using FluentValidation.Internal;
using Microsoft.Extensions.DependencyInjection;
using PtClinic.Application;
using PtClinic.Application.Common.Results;

namespace PtClinic.UnitTests.Architecture;

/// <summary>
/// Every validation message reads as a sentence about the field ("Enter the chief complaint"),
/// never FluentValidation's default ("'Chief Complaint' must not be empty."): every default
/// message names the property through a placeholder, so none may be left.
/// </summary>
public sealed class ValidationMessageTests
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddApplication()
        .BuildServiceProvider();

    public static TheoryData<Type> Validators() => new(typeof(Result).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IValidator).IsAssignableFrom(t)));

    [Theory]
    [MemberData(nameof(Validators))]
    public void Every_rule_has_a_message_written_for_the_person_at_the_keyboard(Type validatorType)
    {
        var validator = (IValidator)ActivatorUtilities.CreateInstance(Services, validatorType);

        var defaults = validator.CreateDescriptor().Rules
            .SelectMany(rule => rule.Components.Select(component => (rule.PropertyName, Message: TemplateOf(component))))
            .Where(c => c.Message.Contains("{PropertyName}", StringComparison.Ordinal))
            .Select(c => $"{c.PropertyName}: {c.Message}")
            .ToList();

        defaults.ShouldBeEmpty();
    }

    /// <summary>The message a rule shows; one built from the command (WithMessage(c => ...)) is written by us.</summary>
    private static string TemplateOf(IRuleComponent component)
    {
        try
        {
            return component.GetUnformattedErrorMessage();
        }
        catch (NullReferenceException)
        {
            return "(a message built from the command)";
        }
    }
}
