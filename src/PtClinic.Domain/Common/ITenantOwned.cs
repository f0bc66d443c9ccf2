namespace PtClinic.Domain.Common;

/// <summary>
/// A row that belongs to one clinic. Every clinical table carries the clinic so that a global query
/// filter keeps each clinic's data to itself, and so the data can later be distributed by clinic.
/// </summary>
public interface ITenantOwned
{
    Guid ClinicId { get; }
}
