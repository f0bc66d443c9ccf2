using System.Reflection;

namespace PtClinic.Application.Common.Results;

/// <summary>
/// Lets a pipeline behaviour, which only knows <typeparamref name="TResponse"/>, return a failure.
/// The architecture tests make sure every message responds with a result type, so the lookup
/// below cannot miss at run time; it is done once per response type.
/// </summary>
public static class FailedResult<TResponse>
{
    private static readonly Func<Error, TResponse>? Factory = typeof(TResponse)
        .GetMethod(nameof(Result.Failure), BindingFlags.Public | BindingFlags.Static, [typeof(Error)])
        ?.CreateDelegate<Func<Error, TResponse>>();

    public static bool IsSupported => Factory is not null;

    public static TResponse From(Error error) => Factory is not null
        ? Factory(error)
        : throw new InvalidOperationException(
            $"{typeof(TResponse).Name} is not a Result; every command and query must return Result or Result<T>.");
}
