namespace PtClinic.Domain.Episodes;

public enum EpisodeStatus
{
    Open,
    Active,
    OnHold,
    Discharged,
}

public enum DischargeReason
{
    GoalsMet,
    PlateauOrReferredOn,
    StoppedAttending,
    Other,
}

/// <summary>The body region a case is about; the hamstring (posterior thigh) is the first fully worked one.</summary>
public enum BodyRegion
{
    LowerBack,
    Pelvis,
    Hip,
    PosteriorThigh,
    AnteriorThigh,
    Knee,
    LowerLeg,
    AnkleFoot,
    Other,
}

public enum BodySide
{
    Left,
    Right,
    Bilateral,
    NotApplicable,
}
