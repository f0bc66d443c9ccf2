using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Results;

namespace PtClinic.UnitTests.Architecture;

/// <summary>
/// The pipeline fails a message by returning a failed Result; a message that answered with anything
/// else could not be refused by authorization or validation, so none may exist.
/// </summary>
public sealed class MessageTests
{
    private static readonly Type[] MessageInterfaces =
    [
        typeof(ICommand<>), typeof(IQuery<>), typeof(IRequest<>),
        typeof(IStreamCommand<>), typeof(IStreamQuery<>), typeof(IStreamRequest<>),
    ];

    public static TheoryData<Type> Messages() => new(typeof(Result).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t)));

    [Fact]
    public void The_application_has_messages()
    {
        Messages().Count.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_command_and_query_returns_a_Result(Type message)
    {
        var responseTypes = message.GetInterfaces()
            .Where(i => i.IsGenericType && MessageInterfaces.Contains(i.GetGenericTypeDefinition()))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();

        responseTypes.ShouldNotBeEmpty($"{message.Name} must be an ICommand<Result…> or IQuery<Result…> (no void ICommand).");
        responseTypes.ShouldAllBe(t => typeof(IResult).IsAssignableFrom(t), $"{message.Name} bypasses the Result pipeline");
        responseTypes.ShouldAllBe(t => IsFailable(t), $"{message.Name}: the pipeline must be able to fail it");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_command_has_a_validator(Type message)
    {
        if (!message.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
        {
            return;
        }

        var validatorType = typeof(IValidator<>).MakeGenericType(message);
        typeof(Result).Assembly.GetTypes().ShouldContain(
            t => !t.IsAbstract && validatorType.IsAssignableFrom(t),
            $"{message.Name} has no validator");
    }

    private static bool IsFailable(Type response) =>
        (bool)typeof(FailedResult<>).MakeGenericType(response).GetProperty(nameof(FailedResult<Result>.IsSupported))!.GetValue(null)!;
}
