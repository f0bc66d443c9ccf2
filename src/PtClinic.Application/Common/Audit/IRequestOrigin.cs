namespace PtClinic.Application.Common.Audit;

/// <summary>Where the operation came from, for the audit trail: the client's address, when known.</summary>
public interface IRequestOrigin
{
    string? ClientAddress { get; }
}
