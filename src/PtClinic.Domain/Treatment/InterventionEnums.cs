namespace PtClinic.Domain.Treatment;

/// <summary>What kind of treatment an intervention is; the catalog and the plan are grouped by it.</summary>
public enum InterventionCategory
{
    HeatAndCold,
    Stretching,
    Exercise,
    Strengthening,
    PostureCorrection,
    Massage,
    TriggerPointRelease,
    DryNeedling,
    MuscleRub,
    Rest,
    Education,
}

/// <summary>Who carries an intervention out: the therapist in the clinic, the patient at home, or either.</summary>
public enum Performer
{
    Clinician,
    Home,
    Both,
}

/// <summary>
/// How an intervention is billed when a clinician performs it. Timed services are counted in 15-minute
/// units by the CMS 8-minute rule; untimed ones are billed once per visit whatever their minutes.
/// </summary>
public enum BillingKind
{
    /// <summary>Home items and education given with another service: nothing of its own to bill.</summary>
    NotBilled,
    Timed,
    Untimed,
}
