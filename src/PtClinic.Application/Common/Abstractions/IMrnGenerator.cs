namespace PtClinic.Application.Common.Abstractions;

/// <summary>Hands out medical-record numbers that no two registrations can share, even at the same instant.</summary>
public interface IMrnGenerator
{
    Task<string> NextAsync(CancellationToken cancellationToken);
}
