using FluentValidation;
using Mediator;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Common.Time;
using PtClinic.Application.Common.Validation;

namespace PtClinic.Application.Common.Behaviours;

/// <summary>
/// Refuses text PostgreSQL cannot store (NUL) in any field, then runs the message's FluentValidation
/// validators; any failure returns field errors and the handler never runs, so nothing is written.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators, ClinicClock clinicClock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var unstorable = UnstorableText.Find(message);
        List<FieldError>? errors = unstorable.Count > 0 ? unstorable : null;
        foreach (var validator in validators)
        {
            var context = new ValidationContext<TMessage>(message);
            context.RootContextData[ClinicDateRules.ClockKey] = clinicClock;
            var result = await validator.ValidateAsync(context, cancellationToken);
            foreach (var failure in result.Errors)
            {
                (errors ??= []).Add(new FieldError(failure.PropertyName, failure.ErrorMessage));
            }
        }

        return errors is null
            ? await next(message, cancellationToken)
            : FailedResult<TResponse>.From(Error.Validation(errors));
    }
}
