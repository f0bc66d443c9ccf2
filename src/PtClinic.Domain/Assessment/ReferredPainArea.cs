namespace PtClinic.Domain.Assessment;

/// <summary>
/// Where pressing a knot reproduces pain away from the knot itself. Referred pain makes a knot
/// harder to find, so the body chart draws these areas apart from the knot.
/// </summary>
public enum ReferredPainArea
{
    Buttock,
    PosteriorThigh,
    LowerLeg,
    LowerBack,
}
