namespace PtClinic.Domain.Assessment;

/// <summary>
/// What the therapist saw at the area to be treated, for the safety rules: an infection or broken
/// skin there rules out needling, pressure and rubs; an acutely inflamed area rules out heat.
/// </summary>
public sealed record TreatmentAreaFindings
{
    public static TreatmentAreaFindings None { get; } = new();

    public bool LocalInfection { get; init; }

    public bool BrokenSkin { get; init; }

    /// <summary>Hot, red, swollen: a fresh injury or flare.</summary>
    public bool AcuteInflammation { get; init; }
}
