using System.Diagnostics.CodeAnalysis;

namespace PtClinic.Application.Common.Results;

/// <summary>What every command and query returns, so the pipeline can fail any of them with a value.</summary>
public interface IResult
{
    bool IsSuccess { get; }

    Error? Error { get; }
}

public sealed class Result : IResult
{
    private static readonly Result Ok = new(null);

    private Result(Error? error) => Error = error;

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public Error? Error { get; }

    public static Result Success() => Ok;

    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => Failure(error);
}

public sealed class Result<T> : IResult
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public Error? Error { get; }

    /// <summary>The value of a successful result; reading it from a failure is a bug.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"A failed result has no value ({Error.Kind}: {Error.Message}).");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
